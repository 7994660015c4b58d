import { describe, expect, it } from 'vitest';
import { button, key, q, recordingOptions, sdkMessage, show } from './fixtures';

const tooltip = (anchor: string, placement?: 'TOP' | 'BOTTOM' | 'LEFT' | 'RIGHT') =>
  sdkMessage({
    format: 'TOOLTIP',
    title: 'Filter by size',
    body: 'Pick your size here',
    tooltip: { anchor, placement },
    buttons: [button('ok', 'DISMISS')],
  });

function anchor(name: string): HTMLElement {
  const el = document.createElement('button');
  el.setAttribute('data-marquee-anchor', name);
  el.textContent = 'Size';
  el.getBoundingClientRect = () => new DOMRect(100, 300, 80, 40);
  document.body.append(el);
  return el;
}

describe('tooltip', () => {
  it('is not shown when its anchor is not in the page', () => {
    expect(show(tooltip('size-filter'), recordingOptions())).toBeNull();
    expect(document.querySelector('[data-marquee-message]')).toBeNull();
  });

  it('is shown next to its anchor, on the chosen side, without taking focus', () => {
    const target = anchor('size-filter');
    target.focus();
    const shown = show(tooltip('size-filter', 'RIGHT'), recordingOptions())!;
    const root = shown.element;
    expect(root.getAttribute('data-marquee-format')).toBe('TOOLTIP');
    expect(root.getAttribute('data-marquee-placement')).toBe('RIGHT');
    expect(root.getAttribute('role')).toBe('dialog');
    expect(root.hasAttribute('aria-modal')).toBe(false);
    expect(root.textContent).toContain('Pick your size here');
    expect(root.style.transform).toMatch(/^translate\(190px, /);
    expect(document.activeElement).toBe(target);
  });

  it('finds its anchor by exact name, whatever characters it has', () => {
    anchor('size"] , body [x="');
    expect(show(tooltip('size'), recordingOptions())).toBeNull();
    expect(show(tooltip('size"] , body [x="'), recordingOptions())).not.toBeNull();
  });

  it('defaults to BOTTOM and follows its anchor on resize', async () => {
    const target = anchor('cart');
    const root = show(tooltip('cart'), recordingOptions())!.element;
    expect(root.getAttribute('data-marquee-placement')).toBe('BOTTOM');
    expect(root.style.transform).toMatch(/, 350px\)$/);
    target.getBoundingClientRect = () => new DOMRect(100, 500, 80, 40);
    window.dispatchEvent(new Event('resize'));
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    expect(root.style.transform).toMatch(/, 550px\)$/);
  });

  it('Esc and its buttons dismiss it', () => {
    anchor('cart');
    const options = recordingOptions();
    const first = show(tooltip('cart'), options)!;
    key(document.body, 'Escape');
    expect(first.element.isConnected).toBe(false);
    const second = show(tooltip('cart'), options)!;
    q('[data-marquee-button="ok"]', second.element).click();
    expect(second.element.isConnected).toBe(false);
    expect(options.recorded.dismissals).toBe(2);
  });
});
