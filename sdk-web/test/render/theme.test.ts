import { describe, expect, it, vi } from 'vitest';
import { contrast, DEFAULT_PALETTES, parseHex, readableOn, themeTokens } from '../../src/render/theme';
import { modal, recordingOptions, show } from './fixtures';

const theme = {
  light: { background: '#ffffff', text: '#111111', accent: '#e4002b', button: '#e4002b' },
  dark: { background: '#111111', text: '#f5f5f5', accent: '#ff4d6d', button: '#ff4d6d' },
  cornerRadius: 4,
  fontFamily: 'Inter, sans-serif',
};

/** A `matchMedia` whose dark-mode answer the test changes (jsdom has none). */
function systemDarkMode(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  vi.stubGlobal('matchMedia', () => query);
  return {
    set(value: boolean) {
      dark = value;
      listeners.forEach((l) => l());
    },
    listeners,
  };
}

describe('theme', () => {
  it('defaults pass WCAG AA for text and buttons in both schemes', () => {
    for (const p of Object.values(DEFAULT_PALETTES)) {
      expect(contrast(p.text, p.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.accent, p.background)).toBeGreaterThanOrEqual(4.5);
    }
    for (const scheme of ['light', 'dark'] as const) {
      const t = themeTokens(undefined, scheme);
      expect(contrast(t['--marquee-button-text'], t['--marquee-button'])).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('applies the campaign colours of the forced scheme as custom properties', () => {
    const dark = show(modal({ theme }), recordingOptions({ colorScheme: 'dark' }))!.element;
    expect(dark.getAttribute('data-marquee-scheme')).toBe('dark');
    expect(dark.style.getPropertyValue('--marquee-bg')).toBe('#111111');
    expect(dark.style.getPropertyValue('--marquee-text')).toBe('#f5f5f5');
    expect(dark.style.getPropertyValue('--marquee-radius')).toBe('4px');
    expect(dark.style.getPropertyValue('--marquee-font')).toBe('Inter, sans-serif');
    const light = show(modal({ theme }), recordingOptions({ colorScheme: 'light' }))!.element;
    expect(light.style.getPropertyValue('--marquee-button')).toBe('#e4002b');
  });

  it('keeps text readable whatever the campaign sets', () => {
    // no text colour on a dark background: not the default dark-on-white text
    const missing = themeTokens({ light: { background: '#101010' } }, 'light');
    expect(contrast(missing['--marquee-text'], '#101010')).toBeGreaterThanOrEqual(4.5);
    // unreadable text colour
    const grey = themeTokens({ light: { background: '#ffffff', text: '#eeeeee' } }, 'light');
    expect(contrast(grey['--marquee-text'], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // a pale button still gets a readable label
    const pale = themeTokens({ light: { button: '#ffe680' } }, 'light');
    expect(contrast(pale['--marquee-button-text'], '#ffe680')).toBeGreaterThanOrEqual(4.5);
    // the dark scheme never takes the light colours
    expect(themeTokens({ light: { background: '#ffffff' } }, 'dark')['--marquee-bg']).toBe(DEFAULT_PALETTES.dark.background);
  });

  it('ignores colours that are not hex and drops alpha', () => {
    expect(parseHex('red')).toBeUndefined();
    expect(parseHex('#fff')).toBe('#ffffff');
    expect(parseHex('#11223380')).toBe('#112233');
    expect(themeTokens({ light: { background: 'url(x)' } }, 'light')['--marquee-bg']).toBe('#ffffff');
    expect(readableOn('#000000', undefined)).toBe('#ffffff');
  });

  it("'auto' follows the system's dark mode as it changes, and stops when closed", () => {
    const system = systemDarkMode(true);
    const shown = show(modal({ theme }), recordingOptions({ colorScheme: 'auto' }))!;
    expect(shown.element.getAttribute('data-marquee-scheme')).toBe('dark');
    expect(shown.element.style.getPropertyValue('--marquee-bg')).toBe('#111111');
    system.set(false);
    expect(shown.element.getAttribute('data-marquee-scheme')).toBe('light');
    expect(shown.element.style.getPropertyValue('--marquee-bg')).toBe('#ffffff');
    shown.close();
    expect(system.listeners.size).toBe(0);
    vi.unstubAllGlobals();
  });

  it('injects its stylesheet once, with reduced motion honoured', () => {
    show(modal(), recordingOptions());
    show(modal(), recordingOptions());
    const styles = document.head.querySelectorAll('style[data-marquee-styles]');
    expect(styles).toHaveLength(1);
    expect(styles[0].textContent).toContain('prefers-reduced-motion:reduce');
  });
});
