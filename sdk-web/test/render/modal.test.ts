import { describe, expect, it, vi } from 'vitest';
import { button, modal, show, q, recordingOptions, sdkMessage, settle } from './fixtures';

describe('modal', () => {
  it('is a modal dialog labelled by its title, with the contract data-* attributes', () => {
    const options = recordingOptions();
    const shown = show(modal({ buttons: [button('go', 'LOG_EVENT', { event: 'go' })] }), options)!;

    const root = shown.element;
    expect(root.isConnected).toBe(true);
    expect(root.getAttribute('data-marquee-message')).toBe('camp-1');
    expect(root.getAttribute('data-marquee-format')).toBe('MODAL');
    expect(root.getAttribute('role')).toBe('dialog');
    expect(root.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(root.getAttribute('aria-labelledby')!)!.textContent).toBe('Welcome');
    expect(root.textContent).toContain('Take the tour');
    expect(root.querySelector('[data-marquee-close]')!.getAttribute('aria-label')).toBe('Close');
    expect(q('[data-marquee-button="go"]', root).textContent).toBe('go');
  });

  it('shows markup in message texts as text', () => {
    const shown = show(
      modal({ title: '<img src=x onerror=alert(1)>', body: '<script>alert(1)</script>' }),
      recordingOptions(),
    )!;
    expect(shown.element.querySelector('script, img')).toBeNull();
    expect(shown.element.textContent).toContain('<script>alert(1)</script>');
    expect(shown.element.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('dismisses from the close control, Esc and a click outside the panel, once each display', () => {
    for (const close of [
      (root: HTMLElement) => q('[data-marquee-close]', root).click(),
      (root: HTMLElement) => root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
      (root: HTMLElement) => {
        root.dispatchEvent(new Event('pointerdown', { bubbles: true }));
        root.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      },
    ]) {
      const options = recordingOptions();
      const shown = show(modal(), options)!;
      close(shown.element);
      expect(options.recorded.dismissals).toBe(1);
      expect(shown.element.isConnected).toBe(false);
    }
  });

  it('a click inside the panel, or a drag from it to the dimmed page, does not dismiss', () => {
    const options = recordingOptions();
    const shown = show(modal(), options)!;
    q('.marquee-text', shown.element).click();
    q('.marquee-text', shown.element).dispatchEvent(new Event('pointerdown', { bubbles: true }));
    shown.element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(options.recorded.dismissals).toBe(0);
    expect(shown.element.isConnected).toBe(true);
  });

  it('DISMISS buttons dismiss; LOG_EVENT buttons click and close', () => {
    const options = recordingOptions();
    const shown = show(
      modal({ buttons: [button('later', 'DISMISS'), button('remind', 'LOG_EVENT', { event: 'remind_me' })] }),
      options,
    )!;
    q('[data-marquee-button="remind"]', shown.element).click();
    expect(options.recorded.clicks.map((b) => b.id)).toEqual(['remind']);
    expect(options.recorded.dismissals).toBe(0);
    expect(shown.element.isConnected).toBe(false);

    const second = recordingOptions();
    const again = show(modal({ buttons: [button('later', 'DISMISS')] }), second)!;
    q('[data-marquee-button="later"]', again.element).click();
    expect(second.recorded.dismissals).toBe(1);
    expect(second.recorded.clicks).toEqual([]);
  });

  it('close() removes the message without a dismissal', () => {
    const options = recordingOptions();
    const shown = show(modal(), options)!;
    shown.close();
    shown.close();
    expect(shown.element.isConnected).toBe(false);
    expect(options.recorded.dismissals).toBe(0);
  });

  it('goes into the given root', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const shown = show(modal(), recordingOptions({ root }))!;
    expect(shown.element.parentElement).toBe(root);
  });

  it('counts one impression once attached and visible', async () => {
    const options = recordingOptions();
    show(modal(), options);
    expect(options.recorded.impressions).toBe(0);
    await settle();
    await settle();
    expect(options.recorded.impressions).toBe(1);
  });

  it('shows https media with its alt text and leaves out other media', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const https = show(modal({ media: { url: 'https://cdn.example.com/a.png', alt: 'A shoe' } }), recordingOptions())!;
    const img = q<HTMLImageElement>('img', https.element);
    expect(img.src).toBe('https://cdn.example.com/a.png');
    expect(img.alt).toBe('A shoe');

    const http = show(modal({ media: { url: 'http://cdn.example.com/a.png', alt: 'A shoe' } }), recordingOptions())!;
    expect(http.element.querySelector('img')).toBeNull();
    expect(warn).toHaveBeenCalled();
  });

  it('full-screen is a modal dialog of its own format', () => {
    const shown = show(sdkMessage({ format: 'FULL_SCREEN', title: 'Sale' }), recordingOptions())!;
    expect(shown.element.getAttribute('data-marquee-format')).toBe('FULL_SCREEN');
    expect(shown.element.getAttribute('aria-modal')).toBe('true');
    expect(shown.element.classList.contains('marquee-fullscreen')).toBe(true);
    expect(document.getElementById(shown.element.getAttribute('aria-labelledby')!)!.textContent).toBe('Sale');
  });
});
