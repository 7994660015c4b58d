import { afterEach, describe, expect, it } from 'vitest';
import { isAllowedLink } from '../../src/core/links';
import { MemoryStorage } from '../../src/core/storage';
import { FakeDelivery, startClient, type Harness } from './delivery';
import { settle } from './fakes';

let harness: Harness | undefined;
afterEach(() => harness?.client.close());

const frame = (id: number, campaignId: string) =>
  `id: ${id}\nevent: message\ndata: ` +
  `{"campaignId":"${campaignId}","version":2,"variant":"B","message":{"format":"BANNER","title":"Hi"}}\n\n`;

let otherTab: Harness | undefined;
afterEach(() => {
  otherTab?.client.close();
  otherTab = undefined;
});

/** Two clients of one user on one storage, as two tabs of a browser, each with its stream open. */
async function twoTabs() {
  const storage = new MemoryStorage();
  const delivery = new FakeDelivery();
  otherTab = await startClient(delivery, {}, storage);
  harness = await startClient(delivery, {}, storage);
  await settle();
  return { tabs: [harness, otherTab], delivery };
}

/** Runs `body` while the page reports itself hidden, then shows the page again (`visibilitychange`). */
async function whileHidden(body: () => Promise<void>) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  try {
    await body();
  } finally {
    delete (document as { visibilityState?: string }).visibilityState;
  }
  document.dispatchEvent(new Event('visibilitychange'));
  await settle();
}

describe('server-sent messages', () => {
  it('shows a message of the stream', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    delivery.streams[0].write('event: connected\ndata: {}\n\n' + frame(1, 'sent'));
    await settle();
    expect(harness.renderers.open()).toEqual(['sent']);
    expect(harness.renderers.last().message).toMatchObject({ version: 2, variant: 'B' });
  });

  it('resumes after the last event id of the previous page, not from the start of the outbox', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    const first = await startClient(delivery, {}, storage);
    await settle();
    delivery.streams[0].write(frame(7, 'sent'));
    await settle();
    first.client.close();
    harness = await startClient(delivery, {}, storage);
    await settle();
    const streams = delivery.server.to('/v1/sdk/stream');
    expect(streams[0].headers['last-event-id']).toBeUndefined();
    expect(streams[1].headers['last-event-id']).toBe('7');
    expect(streams[1].headers['x-marquee-key']).toBe('sdk-key');
  });

  it('two tabs of one browser (one storage) show a sent message once', async () => {
    const { tabs, delivery } = await twoTabs();
    for (const stream of delivery.streams) {
      stream.write(frame(5, 'sent'));
    }
    await settle();
    expect(tabs.flatMap((tab) => tab.renderers.open())).toEqual(['sent']);
  });

  it('a message without an id cannot be told apart from a repeat: every tab shows it', async () => {
    const { tabs, delivery } = await twoTabs();
    for (const stream of delivery.streams) {
      stream.write(frame(5, 'sent').replace('id: 5\n', ''));
    }
    await settle();
    expect(tabs.flatMap((tab) => tab.renderers.open())).toEqual(['sent', 'sent']);
  });

  it('a hidden tab keeps a sent message and shows it when shown, unless another tab did meanwhile', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    harness = await startClient(delivery, {}, storage);
    await settle();
    await whileHidden(async () => {
      delivery.streams[0].write(frame(8, 'kept') + frame(9, 'taken'));
      await settle();
      expect(harness!.renderers.open()).toEqual([]);
      // another tab, visible, got message 9 first
      storage.setItem('marquee:shown:u1', JSON.stringify(['9']));
    });
    expect(harness.renderers.shown.map((s) => s.message.campaignId)).toEqual(['kept']);
  });

  it('a message kept by a hidden tab past its expiry is not shown', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    await whileHidden(async () => {
      const soon = new Date(Date.now() + 20).toISOString();
      const later = new Date(Date.now() + 60_000).toISOString();
      delivery.streams[0].write(frame(3, 'gone').replace('"variant"', `"expiresAt":"${soon}","variant"`));
      delivery.streams[0].write(frame(4, 'kept').replace('"variant"', `"expiresAt":"${later}","variant"`));
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(harness.renderers.shown.map((s) => s.message.campaignId)).toEqual(['kept']);
  });

  it('close() ends the stream: the request is aborted and nothing reconnects', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    harness.client.close();
    await settle();
    expect(delivery.server.to('/v1/sdk/stream')[0].signal?.aborted).toBe(true);
    expect(delivery.server.to('/v1/sdk/stream')).toHaveLength(1);
  });
});

describe('the link policy', () => {
  it('allows https and the app’s deep-link schemes only', () => {
    expect(isAllowedLink('https://shop.example/sale', ['demoshop'])).toBe(true);
    expect(isAllowedLink('demoshop://tour', ['demoshop'])).toBe(true);
    expect(isAllowedLink('DemoShop://tour', ['demoshop'])).toBe(true);
    expect(isAllowedLink('http://shop.example', ['demoshop'])).toBe(false);
    expect(isAllowedLink('javascript:alert(1)', ['demoshop'])).toBe(false);
    expect(isAllowedLink('data:text/html,hi', ['demoshop'])).toBe(false);
    expect(isAllowedLink('otherapp://x', ['demoshop'])).toBe(false);
    expect(isAllowedLink('/relative', ['demoshop'])).toBe(false);
  });

  it('the core refuses to navigate to a link outside the policy', async () => {
    const opened: string[] = [];
    const delivery = new FakeDelivery();
    delivery.linkSchemes = ['demoshop'];
    harness = await startClient(delivery, { deepLinkSchemes: ['demoshop'] }, new MemoryStorage(), {
      navigate: (url) => opened.push(url),
    });
    await settle();
    delivery.streams[0].write(frame(1, 'sent'));
    await settle();
    const navigate = harness.renderers.last().options.navigate!;
    navigate('javascript:alert(1)');
    navigate('demoshop://tour');
    expect(opened).toEqual(['demoshop://tour']);
    expect(harness.debug.some((d) => d.message.includes('link refused'))).toBe(true);
  });

  it('the schemes are the app\'s declared ones from the sync answer: none declared, https only', async () => {
    const opened: string[] = [];
    const delivery = new FakeDelivery(); // an answer without linkSchemes (a server that has none for the app)
    harness = await startClient(delivery, { deepLinkSchemes: ['demoshop'] }, new MemoryStorage(), {
      navigate: (url) => opened.push(url),
    });
    await settle();
    delivery.streams[0].write(frame(1, 'sent'));
    await settle();
    const render = harness.renderers.last().options;
    expect(render.deepLinkSchemes).toEqual([]);
    for (const url of ['demoshop://tour', 'ftp://x/y', 'itms-services://?action=x', 'ws://x', 'https://shop.example/']) {
      render.navigate!(url);
    }
    expect(opened).toEqual(['https://shop.example/']);
  });

  it('a scheme the app declares opens; the init option narrows the declared ones and cannot add to them', async () => {
    const opened: string[] = [];
    const delivery = new FakeDelivery();
    delivery.linkSchemes = ['demoshop', 'ftp'];
    harness = await startClient(delivery, { deepLinkSchemes: ['demoshop', 'jar'] }, new MemoryStorage(), {
      navigate: (url) => opened.push(url),
    });
    await settle();
    delivery.streams[0].write(frame(1, 'sent'));
    await settle();
    const render = harness.renderers.last().options;
    expect(render.deepLinkSchemes).toEqual(['demoshop']);
    for (const url of ['demoshop://tour', 'ftp://x/y', 'jar:file:/x!/y']) {
      render.navigate!(url);
    }
    expect(opened).toEqual(['demoshop://tour']);
  });
});

describe('a page going away', () => {
  it('sends what is queued with keepalive on pagehide and when the page is hidden', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    delivery.offline = true;
    harness.client.track('leaving');
    await settle();
    delivery.offline = false;
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    const sent = delivery.server.to('/v1/sdk/events').filter((r) => r.keepalive);
    expect(sent).toHaveLength(1);
    expect(sent[0].body.events.map((e: any) => e.name)).toContain('leaving');
    expect(delivery.acceptedEvents.filter((e) => e.name === 'leaving')).toHaveLength(1);
  });

  it('also when the page is hidden (tab switch, app to background)', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    delivery.offline = true;
    harness.client.track('hidden');
    await settle();
    delivery.offline = false;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await settle();
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    }
    const sent = delivery.server.to('/v1/sdk/events').filter((r) => r.keepalive);
    expect(sent.map((r) => r.body.events.map((e: any) => e.name))).toEqual([['hidden']]);
  });
});

describe('one departure, two signals', () => {
  it('hidden then pagehide send the queued events once, not twice', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    delivery.offline = true;
    harness.client.track('leaving-once');
    await settle();
    delivery.offline = false;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      // both in the same moment, as browsers fire them: the first keepalive request is still unanswered
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('pagehide'));
      await settle();
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    }
    const sent = delivery.server.to('/v1/sdk/events').filter((r) => r.keepalive);
    expect(sent.filter((r) => r.body.events.some((e: any) => e.name === 'leaving-once'))).toHaveLength(1);
  });
});

describe('back online', () => {
  it('reconnects the stream at once instead of waiting for the backoff', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    delivery.offline = true;
    delivery.streams[0].end();
    await settle();
    expect(delivery.server.to('/v1/sdk/stream')).toHaveLength(1);
    delivery.offline = false;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(delivery.server.to('/v1/sdk/stream')).toHaveLength(2);
  });
});
