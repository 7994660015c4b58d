import { describe, expect, it, vi } from 'vitest';
import { allowedLink } from '../../src/render/links';
import { button, modal, q, recordingOptions, show } from './fixtures';

describe('link policy', () => {
  it('allows https and the app deep-link schemes', () => {
    expect(allowedLink('https://shop.example.com/sale?x=1', [])).toBe('https://shop.example.com/sale?x=1');
    expect(allowedLink('demoshop://tour', ['demoshop'])).toBe('demoshop://tour');
    expect(allowedLink('DemoShop://tour', ['demoshop'])).toBe('demoshop://tour');
  });

  it('refuses every other scheme, even one an app listed by mistake', () => {
    for (const url of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://shop.example.com',
      'file:///etc/passwd',
      'otherapp://x',
      '/relative/path',
      'https://',
      '',
      undefined,
    ]) {
      expect(allowedLink(url, ['demoshop', 'javascript', 'data'])).toBeNull();
    }
  });

  it('a refused button link is logged, not clicked and not navigated; the message stays', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const [action, url] of [
      ['URL', 'javascript:alert(1)'],
      ['URL', 'http://shop.example.com'],
      ['DEEP_LINK', 'data:text/html,hi'],
      ['DEEP_LINK', 'otherapp://x'],
    ] as const) {
      const options = recordingOptions();
      const shown = show(modal({ buttons: [button('go', action, { url })] }), options)!;
      q('[data-marquee-button="go"]', shown.element).click();
      expect(options.recorded.clicks).toEqual([]);
      expect(options.recorded.navigated).toEqual([]);
      expect(shown.element.isConnected).toBe(true);
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(String(warn.mock.calls[0][0])).toContain('refused');
  });

  it('an allowed link is clicked, then navigated, and the message closes without a dismissal', () => {
    const options = recordingOptions();
    const shown = show(
      modal({
        buttons: [
          button('shop', 'URL', { url: 'https://shop.example.com/sale' }),
          button('tour', 'DEEP_LINK', { url: 'demoshop://tour' }),
        ],
      }),
      options,
    )!;
    q('[data-marquee-button="tour"]', shown.element).click();
    expect(options.recorded.clicks.map((b) => b.id)).toEqual(['tour']);
    expect(options.recorded.navigated).toEqual(['demoshop://tour']);
    expect(options.recorded.dismissals).toBe(0);
    expect(shown.element.isConnected).toBe(false);
  });
});
