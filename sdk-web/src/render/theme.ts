// Theme tokens: a campaign's light and dark colours as CSS custom properties on the message root. A campaign's
// colours can never make text unreadable: each text colour is checked against its background (WCAG AA, 4.5:1) and
// replaced by a readable one when it fails; the focus ring falls back to the text colour when the accent is too faint.
import type { Theme, ThemeColors } from '../model';

export type Scheme = 'light' | 'dark';

interface Palette {
  background: string;
  text: string;
  accent: string;
  button: string;
}

/** Defaults that pass WCAG AA in both schemes (text 17:1 and 14.6:1, button labels 6.4:1 and 11:1). */
export const DEFAULT_PALETTES: Record<Scheme, Palette> = {
  light: { background: '#ffffff', text: '#1b1b1f', accent: '#0b57d0', button: '#0b57d0' },
  dark: { background: '#1e1f24', text: '#f1f1f4', accent: '#a8c7fa', button: '#a8c7fa' },
};

const AA_TEXT = 4.5;
const AA_NON_TEXT = 3;
const NEAR_BLACK = '#111111';
const WHITE = '#ffffff';

/** `#rgb`, `#rrggbb` or `#rrggbbaa` as opaque `#rrggbb` (alpha is dropped: contrast is checked on what is drawn). */
export function parseHex(colour: string | undefined): string | undefined {
  if (typeof colour !== 'string') return undefined;
  const value = colour.trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(value)) {
    return `#${value[1]}${value[1]}${value[2]}${value[2]}${value[3]}${value[3]}`;
  }
  if (/^#[0-9a-f]{6}([0-9a-f]{2})?$/.test(value)) return value.slice(0, 7);
  return undefined;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `preferred` when readable on `background`, else near-black or white, whichever reads better (always ≥ 4.5:1). */
export function readableOn(background: string, preferred: string | undefined): string {
  if (preferred && contrast(preferred, background) >= AA_TEXT) return preferred;
  return contrast(NEAR_BLACK, background) >= contrast(WHITE, background) ? NEAR_BLACK : WHITE;
}

function mix(a: string, b: string, weightOfA: number): string {
  const channel = (i: number) =>
    Math.round(parseInt(a.slice(i, i + 2), 16) * weightOfA + parseInt(b.slice(i, i + 2), 16) * (1 - weightOfA))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

/** The CSS custom properties of one scheme: campaign colours where readable, defaults elsewhere. */
export function themeTokens(theme: Theme | undefined, scheme: Scheme): Record<string, string> {
  const colours: ThemeColors = (scheme === 'dark' ? theme?.dark : theme?.light) ?? {};
  const defaults = DEFAULT_PALETTES[scheme];
  const background = parseHex(colours.background) ?? defaults.background;
  const text = readableOn(background, parseHex(colours.text) ?? defaults.text);
  const accent = parseHex(colours.accent) ?? defaults.accent;
  const button = parseHex(colours.button) ?? parseHex(colours.accent) ?? defaults.button;
  const tokens: Record<string, string> = {
    '--marquee-bg': background,
    '--marquee-text': text,
    '--marquee-accent': contrast(accent, background) >= AA_NON_TEXT ? accent : text,
    '--marquee-button': button,
    '--marquee-button-text': readableOn(button, scheme === 'dark' ? NEAR_BLACK : WHITE),
    '--marquee-border': mix(text, background, 0.6),
    '--marquee-focus': contrast(accent, background) >= AA_NON_TEXT ? accent : text,
  };
  if (typeof theme?.cornerRadius === 'number' && Number.isFinite(theme.cornerRadius)) {
    tokens['--marquee-radius'] = `${Math.min(Math.max(theme.cornerRadius, 0), 32)}px`;
  }
  if (typeof theme?.fontFamily === 'string' && theme.fontFamily.trim() !== '') {
    tokens['--marquee-font'] = theme.fontFamily;
  }
  return tokens;
}

function systemScheme(): Scheme {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/**
 * Applies the tokens of the chosen scheme to `root` (`data-marquee-scheme` says which); with 'auto', follows the
 * system's light or dark mode as it changes. Returns what stops following it.
 */
export function applyTheme(root: HTMLElement, theme: Theme | undefined, colorScheme: Scheme | 'auto'): () => void {
  const apply = (scheme: Scheme) => {
    for (const [name, value] of Object.entries(themeTokens(theme, scheme))) root.style.setProperty(name, value);
    root.style.colorScheme = scheme;
    root.setAttribute('data-marquee-scheme', scheme);
  };
  if (colorScheme !== 'auto') {
    apply(colorScheme);
    return () => {};
  }
  apply(systemScheme());
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const onChange = () => apply(query.matches ? 'dark' : 'light');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
