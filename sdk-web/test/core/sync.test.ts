import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/core/storage';
import { startClient, FakeDelivery, type Harness } from './delivery';
import { sdkMessage, settle } from './fakes';

const checkout = sdkMessage('checkout-tip', [{ type: 'SCREEN_VIEW', name: 'checkout' }]);
let harness: Harness | undefined;

afterEach(() => harness?.client.close());

describe('sync with ETag', () => {
  it('syncs at session start with the user, session, platform and time zone, and keeps the ETag', async () => {
    const delivery = new FakeDelivery();
    delivery.messages = [checkout];
    harness = await startClient(delivery);
    const sync = delivery.server.to('/v1/sdk/messages')[0];
    const query = Object.fromEntries(sync.url.searchParams);
    expect(query).toMatchObject({ userId: 'u1', locale: 'en', platform: 'web', sessionId: harness.client.sessionId });
    expect(query.timeZone).toBeTruthy();
    expect(sync.headers['if-none-match']).toBeUndefined();
    expect(sync.headers['x-marquee-key']).toBe('sdk-key');
  });

  it('sends If-None-Match on the next session; a 304 keeps the stored set, which still triggers offline', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    delivery.messages = [checkout];
    (await startClient(delivery, {}, storage)).client.close();

    delivery.messages = []; // a 304 must not be read as "no messages"
    harness = await startClient(delivery, {}, storage);
    const second = delivery.server.to('/v1/sdk/messages')[1];
    expect(second.headers['if-none-match']).toBe('"v1"');

    delivery.offline = true;
    harness.client.screen('checkout');
    await settle();
    expect(harness.renderers.open()).toEqual(['checkout-tip']);
    expect(harness.debug.some((d) => d.reason === 'offline_path' && d.campaignId === 'checkout-tip')).toBe(true);
  });

  it('a page loaded offline shows the messages synced by an earlier page', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    delivery.messages = [checkout];
    (await startClient(delivery, {}, storage)).client.close();

    delivery.offline = true;
    harness = await startClient(delivery, {}, storage);
    harness.client.screen('checkout');
    await settle();
    expect(harness.renderers.open()).toEqual(['checkout-tip']);
  });

  it('a new set (200 with another ETag) replaces the stored one', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    delivery.messages = [checkout];
    (await startClient(delivery, {}, storage)).client.close();

    delivery.messages = [];
    delivery.etag = '"v2"';
    harness = await startClient(delivery, {}, storage);
    delivery.offline = true;
    harness.client.screen('checkout');
    await settle();
    expect(harness.renderers.shown).toEqual([]);
    expect(harness.debug.some((d) => d.reason === 'trigger_mismatch')).toBe(true);
  });

  it('the stored set belongs to its user: another user does not see it offline', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    delivery.messages = [checkout];
    (await startClient(delivery, {}, storage)).client.close();

    delivery.offline = true;
    harness = await startClient(delivery, { userId: 'u2' }, storage);
    harness.client.screen('checkout');
    await settle();
    expect(harness.renderers.shown).toEqual([]);
  });

  it('resyncs when the stream says so', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    delivery.streams[0].write('event: resync\ndata: {"reason":"campaign_changed"}\n\n');
    await settle();
    expect(delivery.server.to('/v1/sdk/messages')).toHaveLength(2);
    expect(delivery.server.to('/v1/sdk/messages')[1].headers['if-none-match']).toBe('"v1"');
  });
});
