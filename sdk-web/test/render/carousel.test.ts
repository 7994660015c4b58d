import { describe, expect, it } from 'vitest';
import { button, key, q, recordingOptions, sdkMessage, show } from './fixtures';

const carousel = () =>
  sdkMessage({
    format: 'CAROUSEL',
    title: 'New in store',
    pages: [
      { title: 'Sneakers', body: 'Light' },
      { title: 'Boots', body: 'Warm', buttons: [button('boots', 'LOG_EVENT', { event: 'boots' })] },
      { title: 'Sandals', media: { url: 'https://cdn.example.com/s.png', alt: 'Sandals' } },
    ],
  });

function visiblePages(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-marquee-page]'))
    .filter((page) => !page.hidden)
    .map((page) => page.getAttribute('data-marquee-page')!);
}

describe('carousel', () => {
  it('is a modal dialog showing one page at a time with an indicator', () => {
    const shown = show(carousel(), recordingOptions())!;
    const root = shown.element;
    expect(root.getAttribute('role')).toBe('dialog');
    expect(root.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(root.getAttribute('aria-labelledby')!)!.textContent).toBe('New in store');
    expect(root.querySelectorAll('[data-marquee-page]')).toHaveLength(3);
    expect(visiblePages(root)).toEqual(['0']);
    expect(q('[data-marquee-indicator]', root).textContent).toBe('1 / 3');
    expect(q<HTMLButtonElement>('[data-marquee-prev]', root).disabled).toBe(true);
    expect(q<HTMLButtonElement>('[data-marquee-next]', root).disabled).toBe(false);
  });

  it('moves with Next and Previous, and stops at the ends', () => {
    const root = show(carousel(), recordingOptions())!.element;
    const next = q<HTMLButtonElement>('[data-marquee-next]', root);
    const prev = q<HTMLButtonElement>('[data-marquee-prev]', root);
    next.click();
    expect(visiblePages(root)).toEqual(['1']);
    expect(q('[data-marquee-indicator]', root).textContent).toBe('2 / 3');
    next.focus();
    next.click();
    expect(visiblePages(root)).toEqual(['2']);
    expect(next.disabled).toBe(true);
    expect(document.activeElement).toBe(prev);
    prev.click();
    prev.click();
    prev.click();
    expect(visiblePages(root)).toEqual(['0']);
  });

  it('moves with the arrow keys', () => {
    const root = show(carousel(), recordingOptions())!.element;
    key(document.activeElement!, 'ArrowRight');
    key(document.activeElement!, 'ArrowRight');
    expect(visiblePages(root)).toEqual(['2']);
    key(document.activeElement!, 'ArrowLeft');
    expect(visiblePages(root)).toEqual(['1']);
  });

  it('buttons of a page act like message buttons', () => {
    const options = recordingOptions();
    const root = show(carousel(), options)!.element;
    q<HTMLButtonElement>('[data-marquee-next]', root).click();
    q('[data-marquee-button="boots"]', root).click();
    expect(options.recorded.clicks.map((b) => b.id)).toEqual(['boots']);
    expect(root.isConnected).toBe(false);
  });

  it('without a title is labelled by its first page', () => {
    const message = carousel();
    delete message.message.title;
    const root = show(message, recordingOptions())!.element;
    expect(document.getElementById(root.getAttribute('aria-labelledby')!)!.textContent).toBe('Sneakers');
  });
});
