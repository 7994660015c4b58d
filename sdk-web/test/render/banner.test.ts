import { describe, expect, it, vi } from 'vitest';
import { button, q, recordingOptions, sdkMessage, show } from './fixtures';

const banner = (seconds?: number, position: 'TOP' | 'BOTTOM' = 'TOP') =>
  sdkMessage({
    format: 'BANNER',
    title: 'Free shipping',
    body: 'On orders over 50 €',
    banner: { position, autoDismissSeconds: seconds },
    buttons: [button('shop', 'URL', { url: 'https://shop.example.com' })],
  });

describe('banner', () => {
  it('is a labelled region at its position and does not take focus', () => {
    const opener = document.createElement('input');
    document.body.append(opener);
    opener.focus();
    const shown = show(banner(undefined, 'BOTTOM'), recordingOptions())!;
    const root = shown.element;
    expect(root.getAttribute('data-marquee-format')).toBe('BANNER');
    expect(root.getAttribute('data-marquee-position')).toBe('BOTTOM');
    expect(root.getAttribute('role')).toBe('region');
    expect(root.hasAttribute('aria-modal')).toBe(false);
    expect(document.getElementById(root.getAttribute('aria-labelledby')!)!.textContent).toBe('Free shipping');
    expect(root.querySelector('[data-marquee-close]')).not.toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('without a title is labelled by a generic name', () => {
    const shown = show(sdkMessage({ format: 'BANNER', body: 'Hi', banner: {} }), recordingOptions())!;
    expect(shown.element.getAttribute('aria-label')).toBe('Message');
    expect(shown.element.getAttribute('data-marquee-position')).toBe('BOTTOM');
  });

  it('dismisses itself after its timer, once', () => {
    vi.useFakeTimers();
    const options = recordingOptions();
    const shown = show(banner(5), options)!;
    vi.advanceTimersByTime(4999);
    expect(shown.element.isConnected).toBe(true);
    vi.advanceTimersByTime(1);
    expect(shown.element.isConnected).toBe(false);
    expect(options.recorded.dismissals).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(options.recorded.dismissals).toBe(1);
  });

  it('pauses its timer while the pointer is on it', () => {
    vi.useFakeTimers();
    const options = recordingOptions();
    const shown = show(banner(2), options)!;
    const panel = q('.marquee-panel', shown.element);
    vi.advanceTimersByTime(1000);
    panel.dispatchEvent(new Event('pointerenter'));
    vi.advanceTimersByTime(5000);
    expect(shown.element.isConnected).toBe(true);
    panel.dispatchEvent(new Event('pointerleave'));
    vi.advanceTimersByTime(999);
    expect(shown.element.isConnected).toBe(true);
    vi.advanceTimersByTime(1);
    expect(options.recorded.dismissals).toBe(1);
  });

  it('without a timer stays until closed; a closed banner never fires its timer', () => {
    vi.useFakeTimers();
    const options = recordingOptions();
    const kept = show(banner(), options)!;
    vi.advanceTimersByTime(60_000);
    expect(kept.element.isConnected).toBe(true);
    const timed = show(banner(1), options)!;
    timed.close();
    vi.advanceTimersByTime(5000);
    expect(options.recorded.dismissals).toBe(0);
  });

  it('Esc inside the banner dismisses it', () => {
    const options = recordingOptions();
    const shown = show(banner(), options)!;
    q('[data-marquee-button="shop"]', shown.element).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    expect(options.recorded.dismissals).toBe(1);
  });
});
