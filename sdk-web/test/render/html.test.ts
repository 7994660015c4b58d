import { describe, expect, it, vi } from 'vitest';
import { recordingOptions, sdkMessage, show } from './fixtures';

const html = (title?: string) =>
  sdkMessage({ format: 'HTML', title, html: '<h1>Sale</h1><script>document.title = "x"</script>' });

describe('HTML message', () => {
  it('is not rendered unless the app opted in', () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    expect(show(html('Sale'), recordingOptions({ allowHtml: false }))).toBeNull();
    expect(document.querySelector('iframe, [data-marquee-message]')).toBeNull();
  });

  it('is rendered in a sandboxed frame that allows scripts but never the same origin', () => {
    const root = show(html('Sale'), recordingOptions({ allowHtml: true }))!.element;
    const frame = root.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame.getAttribute('sandbox')).not.toContain('allow-same-origin');
    expect(frame.getAttribute('srcdoc')).toBe('<h1>Sale</h1><script>document.title = "x"</script>');
    expect(frame.title).toBe('Sale');
    expect(root.getAttribute('data-marquee-format')).toBe('HTML');
    expect(root.getAttribute('aria-modal')).toBe('true');
    // the HTML never reaches the page itself
    expect(root.querySelector('h1, script')).toBeNull();
    expect(root.querySelector('[data-marquee-close]')).not.toBeNull();
  });

  it('without a title, the dialog and the frame get a generic name', () => {
    const root = show(html(), recordingOptions({ allowHtml: true }))!.element;
    expect(root.getAttribute('aria-label')).toBe('Message');
    expect(root.querySelector('iframe')!.title).toBe('Message');
  });

  it('closes (a dismissal) when its own frame asks, and ignores other senders', () => {
    const options = recordingOptions({ allowHtml: true });
    const root = show(html('Sale'), options)!.element;
    const frame = root.querySelector('iframe')!;
    window.dispatchEvent(new MessageEvent('message', { data: { marquee: 'dismiss' }, source: window }));
    expect(root.isConnected).toBe(true);
    window.dispatchEvent(new MessageEvent('message', { data: { marquee: 'dismiss' }, source: frame.contentWindow }));
    expect(root.isConnected).toBe(false);
    expect(options.recorded.dismissals).toBe(1);
  });
});
