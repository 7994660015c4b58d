import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/core/storage';
import type { InboxCard } from '../../src/render/contract';
import { display, FakeDelivery, startClient, type Harness } from './delivery';
import { sdkMessage, settle } from './fakes';

let harness: Harness | undefined;
afterEach(() => harness?.client.close());

function lastFeed(h: Harness) {
  return h.renderers.feeds[h.renderers.feeds.length - 1];
}

function card(campaignId: string, read = false): InboxCard {
  return { ...sdkMessage(campaignId, undefined, 'CARD'), read };
}

describe('the inbox', () => {
  it('fetches the cards at session start, draws them in the app’s container and counts the unread', async () => {
    const delivery = new FakeDelivery();
    delivery.cards = [card('c1'), card('c2', true)];
    const container = document.createElement('div');
    harness = await startClient(delivery, { inbox: container });
    await settle();
    expect(harness.client.inbox().unread).toBe(1);
    expect(harness.client.inbox().cards.map((c) => c.campaignId)).toEqual(['c1', 'c2']);
    expect(lastFeed(harness).cards).toHaveLength(2);
  });

  it('markRead and archive update the feed at once and tell the server', async () => {
    const delivery = new FakeDelivery();
    delivery.cards = [card('c1'), card('c2')];
    harness = await startClient(delivery, { inbox: document.createElement('div') });
    await settle();
    await harness.client.markRead('c1');
    await harness.client.archive('c2');
    expect(harness.client.inbox()).toEqual({
      cards: [expect.objectContaining({ campaignId: 'c1', read: true })],
      unread: 0,
    });
    const marks = delivery.server.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/sdk/inbox/'));
    expect(marks.map((r) => r.path)).toEqual([
      '/v1/sdk/inbox/c1/read',
      '/v1/sdk/inbox/c2/archive',
    ]);
  });

  it('the feed’s callbacks log one impression per card and session, and a click marks the card read', async () => {
    const delivery = new FakeDelivery();
    delivery.cards = [card('c1')];
    harness = await startClient(delivery, { inbox: document.createElement('div') });
    await settle();
    const feed = lastFeed(harness);
    feed.options.callbacks.impression(feed.cards[0]);
    feed.options.callbacks.impression(feed.cards[0]);
    feed.options.callbacks.click(feed.cards[0], feed.cards[0].message.buttons![1]);
    await settle();
    expect(delivery.acceptedInteractions.map((i) => i.type)).toEqual(['impression', 'click']);
    expect(delivery.acceptedEvents.some((e) => e.name === 'liked')).toBe(true);
    expect(harness.client.inbox().unread).toBe(0);
  });

  it('marks made offline are kept, laid over what a refresh brings, and sent once the server takes them', async () => {
    const delivery = new FakeDelivery();
    delivery.cards = [card('c1'), card('c2'), card('c3')];
    harness = await startClient(delivery, { inbox: document.createElement('div') });
    await settle();
    delivery.offline = true;
    await harness.client.markRead('c1');
    await harness.client.archive('c2');
    delivery.offline = false;
    delivery.markStatus = 503;
    // the marks are refused again; the server's cards still have c1 unread and c2, the feed does not
    const state = await harness.client.refreshInbox();
    expect(state.cards.map((c) => [c.campaignId, c.read])).toEqual([['c1', true], ['c3', false]]);
    expect(delivery.cards.map((c) => [c.campaignId, c.read])).toEqual([['c1', false], ['c2', false], ['c3', false]]);

    delivery.markStatus = 204;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(delivery.cards.map((c) => [c.campaignId, c.read])).toEqual([['c1', true], ['c3', false]]);
    const marks = () => delivery.server.requests.filter((r) => r.path.startsWith('/v1/sdk/inbox/')).map((r) => r.path);
    const sent = marks().length;
    await harness.client.refreshInbox();
    expect(marks()).toHaveLength(sent);
    expect(harness.client.inbox().unread).toBe(1);
  });

  it('a mark made offline survives a reload and is sent by the next session', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    delivery.cards = [card('c1')];
    const first = await startClient(delivery, {}, storage);
    await settle();
    delivery.offline = true;
    await first.client.markRead('c1');
    first.client.close();
    delivery.offline = false;
    harness = await startClient(delivery, {}, storage);
    await settle();
    expect(delivery.cards[0].read).toBe(true);
    expect(harness.client.inbox().unread).toBe(0);
  });

  it('a mark the server refuses for good (the card is gone) is dropped, not sent again', async () => {
    const delivery = new FakeDelivery();
    delivery.cards = [card('c1')];
    harness = await startClient(delivery);
    await settle();
    delivery.markStatus = 404;
    await harness.client.markRead('c1');
    await harness.client.refreshInbox();
    await harness.client.refreshInbox();
    const marks = delivery.server.requests.filter((r) => r.path.startsWith('/v1/sdk/inbox/'));
    expect(marks).toHaveLength(1);
  });

  it('shows the stored cards offline', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    delivery.cards = [card('c1')];
    const first = await startClient(delivery, {}, storage);
    await settle();
    first.client.close();
    delivery.offline = true;
    harness = await startClient(delivery, {}, storage);
    const state = await harness.client.refreshInbox();
    expect(state.cards.map((c) => c.campaignId)).toEqual(['c1']);
  });

  it('a CARD decided by the server refreshes the inbox instead of showing a message', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    delivery.cards = [card('new-card')];
    delivery.decide = (events) => (events.some((e) => e.name === 'x') ? display(card('new-card')) : undefined);
    harness.client.track('x');
    await settle();
    expect(harness.renderers.shown).toEqual([]);
    expect(harness.client.inbox().cards.map((c) => c.campaignId)).toEqual(['new-card']);
  });
});
