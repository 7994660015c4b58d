import { describe, expect, it, vi } from 'vitest';
import { button, q, recordingOptions, sdkMessage, show } from './fixtures';

describe('formats', () => {
  it('image-only is a modal dialog labelled by the alt text of its image', () => {
    const root = show(
      sdkMessage({
        format: 'IMAGE_ONLY',
        media: { url: 'https://cdn.example.com/sale.png', alt: '30% off all sneakers' },
        buttons: [button('shop', 'URL', { url: 'https://shop.example.com' })],
      }),
      recordingOptions(),
    )!.element;
    expect(root.getAttribute('data-marquee-format')).toBe('IMAGE_ONLY');
    expect(root.getAttribute('role')).toBe('dialog');
    expect(root.getAttribute('aria-modal')).toBe('true');
    expect(root.getAttribute('aria-label')).toBe('30% off all sneakers');
    expect(q<HTMLImageElement>('img', root).alt).toBe('30% off all sneakers');
    expect(root.querySelector('[data-marquee-close]')).not.toBeNull();
  });

  it('image-only without an https image is not shown', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const message = sdkMessage({ format: 'IMAGE_ONLY', media: { url: 'data:image/png;base64,AAAA', alt: 'x' } });
    expect(show(message, recordingOptions())).toBeNull();
    expect(document.querySelector('[data-marquee-message]')).toBeNull();
  });

  it('CUSTOM_JSON (headless) and CARD (inbox) are not shown as messages', () => {
    expect(show(sdkMessage({ format: 'CUSTOM_JSON', payload: { a: 1 } }), recordingOptions())).toBeNull();
    expect(show(sdkMessage({ format: 'CARD', title: 'T', body: 'B' }), recordingOptions())).toBeNull();
    expect(document.querySelector('[data-marquee-message]')).toBeNull();
  });

  it('every shown format has its root attributes and a close control', () => {
    const anchor = document.createElement('span');
    anchor.setAttribute('data-marquee-anchor', 'a');
    document.body.append(anchor);
    const messages = [
      sdkMessage({ format: 'BANNER', body: 'b', banner: {} }),
      sdkMessage({ format: 'MODAL', title: 't', body: 'b' }),
      sdkMessage({ format: 'FULL_SCREEN', title: 't' }),
      sdkMessage({ format: 'IMAGE_ONLY', media: { url: 'https://cdn.example.com/i.png', alt: 'i' } }),
      sdkMessage({ format: 'CAROUSEL', pages: [{ title: '1' }, { title: '2' }] }),
      sdkMessage({ format: 'SURVEY', title: 't', questions: [{ id: 'n', kind: 'NPS', prompt: 'p' }] }),
      sdkMessage({ format: 'TOOLTIP', body: 'b', tooltip: { anchor: 'a' } }),
      sdkMessage({ format: 'HTML', html: '<p>x</p>' }),
    ];
    for (const message of messages) {
      const root = show(message, recordingOptions({ allowHtml: true }))!.element;
      expect(root.getAttribute('data-marquee-message')).toBe('camp-1');
      expect(root.getAttribute('data-marquee-format')).toBe(message.message.format);
      expect(root.querySelectorAll('[data-marquee-close]')).toHaveLength(1);
      expect(root.getAttribute('data-marquee-scheme')).toBe('light');
    }
  });

  it('a message in another language than the page says so', () => {
    const message = { ...sdkMessage({ format: 'MODAL', title: 'Bienvenue', body: 'Suivez le guide' }), locale: 'fr-CA' };
    expect(show(message, recordingOptions())!.element.lang).toBe('fr-CA');
  });

  it('the default texts (locale "default") take the page language: no lang attribute', () => {
    const message = { ...sdkMessage({ format: 'MODAL', title: 'Hello', body: 'Welcome' }), locale: 'default' };
    expect(show(message, recordingOptions())!.element.hasAttribute('lang')).toBe(false);
  });
});
