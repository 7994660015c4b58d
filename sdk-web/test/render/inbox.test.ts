import { describe, expect, it, vi } from 'vitest';
import { renderers } from '../../src/render';
import { button, card, inboxOptions, q, settle } from './fixtures';

function feed(): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  return container;
}

function order(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('[data-marquee-card]')).map((c) => c.getAttribute('data-marquee-card')!);
}

describe('card inbox', () => {
  it('lists pinned cards first, then the newest, without expired ones', () => {
    const container = feed();
    renderers.inbox(
      container,
      [
        card('old', { receivedAt: '2026-11-01T10:00:00Z' }),
        card('new', { receivedAt: '2026-11-20T10:00:00Z' }),
        card('pinned-old', { receivedAt: '2026-10-01T10:00:00Z', pinned: true }),
        card('expired', { receivedAt: '2026-11-21T10:00:00Z', expiresAt: '2020-01-01T00:00:00Z' }),
        card('pinned-by-message', { receivedAt: '2026-09-01T10:00:00Z' }, { card: { pinned: true } }),
      ],
      inboxOptions(),
    );
    expect(container.querySelector('[data-marquee-inbox]')).not.toBeNull();
    expect(order(container)).toEqual(['pinned-old', 'pinned-by-message', 'new', 'old']);
  });

  it('returns and shows the unread count, with data-unread on each card', () => {
    const container = feed();
    const unread = renderers.inbox(
      container,
      [card('a'), card('b', { read: true }), card('c'), card('gone', { expiresAt: '2020-01-01T00:00:00Z' })],
      inboxOptions(),
    );
    expect(unread).toBe(2);
    expect(q('[data-marquee-unread]', container).textContent).toBe('2');
    expect(q('[data-marquee-card="a"]', container).getAttribute('data-unread')).toBe('true');
    expect(q('[data-marquee-card="b"]', container).getAttribute('data-unread')).toBe('false');
    expect(q('[data-marquee-card="a"] .marquee-unread-dot', container)).not.toBeNull();
  });

  it('marks cards read once visible, with one impression each', async () => {
    const container = feed();
    const options = inboxOptions();
    const cards = [card('a'), card('b', { read: true })];
    renderers.inbox(container, cards, options);
    await settle();
    await settle();
    expect(options.recorded.impressions.sort()).toEqual(['a', 'b']);
    expect(options.recorded.read).toEqual(['a']);
    expect(q('[data-marquee-card="a"]', container).getAttribute('data-unread')).toBe('false');
    expect(q('[data-marquee-unread]', container).textContent).toBe('0');
    expect(cards[0].read).toBe(false); // the caller's objects are left alone
  });

  it('archives a card from its archive control', () => {
    const container = feed();
    const options = inboxOptions();
    renderers.inbox(container, [card('a'), card('b')], options);
    q('[data-marquee-archive="a"]', container).click();
    expect(options.recorded.archived).toEqual(['a']);
    expect(order(container)).toEqual(['b']);
    expect(q('[data-marquee-unread]', container).textContent).toBe('1');
    expect(document.activeElement?.getAttribute('data-marquee-archive')).toBe('b');
  });

  it('card buttons: links go through the link policy, DISMISS archives', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const container = feed();
    const options = inboxOptions();
    renderers.inbox(
      container,
      [
        card('a', {}, {
          buttons: [
            button('shop', 'URL', { url: 'https://shop.example.com' }),
            button('bad', 'URL', { url: 'javascript:alert(1)' }),
            button('hide', 'DISMISS'),
          ],
        }),
      ],
      options,
    );
    q('[data-marquee-button="bad"]', container).click();
    expect(options.recorded.clicks).toEqual([]);
    q('[data-marquee-button="shop"]', container).click();
    expect(options.recorded.clicks).toEqual(['a/shop']);
    expect(options.recorded.navigated).toEqual(['https://shop.example.com/']);
    expect(options.recorded.read).toEqual(['a']);
    q('[data-marquee-button="hide"]', container).click();
    expect(options.recorded.archived).toEqual(['a']);
    expect(container.querySelector('[data-marquee-card]')).toBeNull();
    expect(q('.marquee-empty', container).hidden).toBe(false);
  });

  it('replaces what the container held and stops the previous feed', async () => {
    const container = feed();
    container.append(document.createElement('p'));
    const first = inboxOptions();
    renderers.inbox(container, [card('a')], first);
    renderers.inbox(container, [card('b')], inboxOptions());
    await settle();
    expect(container.children).toHaveLength(1);
    expect(order(container)).toEqual(['b']);
    expect(first.recorded.impressions).toEqual([]);
  });

  it('shows card texts as text', () => {
    const container = feed();
    renderers.inbox(container, [card('x', {}, { title: '<script>alert(1)</script>' })], inboxOptions());
    expect(container.querySelector('script')).toBeNull();
    expect(q('[data-marquee-card="x"] h3', container).textContent).toBe('<script>alert(1)</script>');
  });
});
