import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/core/storage';
import { FakeDelivery, startClient, type Harness } from './delivery';
import { settle } from './fakes';

let harness: Harness | undefined;
afterEach(() => harness?.client.close());

describe('users and sessions', () => {
  it('without userId the user is anonymous, with an id kept across reloads', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    const first = await startClient(delivery, { userId: undefined }, storage);
    const anonymous = first.client.userId;
    expect(anonymous).toMatch(/^anon-/);
    first.client.close();
    harness = await startClient(delivery, { userId: undefined }, storage);
    expect(harness.client.userId).toBe(anonymous);
  });

  it('identify naming a user after an anonymous start sends the anonymous id, then syncs as that user', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery, { userId: undefined });
    const anonymous = harness.client.userId;
    harness.client.identify({ plan: 'pro' }, { userId: 'u42', userSignature: 'sig42' });
    await settle();
    const batches = delivery.server.to('/v1/sdk/events');
    const batch = batches.find((r) => r.body.events.some((e: any) => e.type === 'identify'))!;
    expect(batch.body.userId).toBe('u42');
    expect(batch.headers['x-marquee-user-signature']).toBe('sig42');
    expect(batch.body.events.find((e: any) => e.type === 'identify')).toMatchObject({
      attributes: { plan: 'pro' },
      anonymousId: anonymous,
    });
    const syncs = delivery.server.to('/v1/sdk/messages').map((r) => r.url.searchParams.get('userId'));
    expect(syncs).toEqual([anonymous, 'u42']);
    const streams = delivery.server.to('/v1/sdk/stream').map((r) => r.url.searchParams.get('userId'));
    expect(streams).toEqual([anonymous, 'u42']);
  });

  it('identify of the same user only sends its attributes, without anonymousId', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    harness.client.identify({ plan: 'pro' });
    await settle();
    const identify = delivery.acceptedEvents.find((e) => e.type === 'identify')!;
    expect(identify.attributes).toEqual({ plan: 'pro' });
    expect(identify.anonymousId).toBeUndefined();
    expect(delivery.server.to('/v1/sdk/messages')).toHaveLength(1);
  });

  it('reset keeps and flushes the user’s queued events, then starts over as a new anonymous user', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    const session = harness.client.sessionId;
    delivery.offline = true;
    harness.client.track('before_reset');
    await settle();
    delivery.offline = false;
    await harness.client.reset();
    await settle();
    expect(harness.client.userId).toMatch(/^anon-/);
    expect(harness.client.sessionId).not.toBe(session);
    const before = delivery.server.to('/v1/sdk/events').find(
      (r) => r.body.events.some((e: any) => e.name === 'before_reset') && r.body.userId === 'u1',
    );
    expect(before).toBeDefined();
    expect(delivery.acceptedEvents.filter((e) => e.name === 'before_reset')).toHaveLength(1);
    const batches = delivery.server.to('/v1/sdk/events');
    const last = batches[batches.length - 1];
    expect(last.body.userId).toBe(harness.client.userId);
    expect(last.body.events.map((e: any) => e.type)).toContain('session_start');
  });

  it('a new session starts after 30 minutes without activity: session_start and a new sync', async () => {
    let now = Date.parse('2026-01-01T10:00:00Z');
    const delivery = new FakeDelivery();
    harness = await startClient(delivery, {}, new MemoryStorage(), { now: () => now });
    const first = harness.client.sessionId;
    now += 29 * 60 * 1000;
    harness.client.track('still_here');
    await settle();
    expect(harness.client.sessionId).toBe(first);
    now += 31 * 60 * 1000;
    harness.client.track('back');
    await settle();
    expect(harness.client.sessionId).not.toBe(first);
    const starts = delivery.server.to('/v1/sdk/events').flatMap((r) =>
      r.body.events.filter((e: any) => e.type === 'session_start').map(() => r.body.sessionId),
    );
    expect(starts).toEqual([first, harness.client.sessionId]);
    expect(delivery.server.to('/v1/sdk/messages').map((r) => r.url.searchParams.get('sessionId'))).toEqual([
      first,
      harness.client.sessionId,
    ]);
  });
});
