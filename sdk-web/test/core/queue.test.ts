import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SdkApi } from '../../src/core/api';
import { Backoff } from '../../src/core/backoff';
import { DebugLog, type DebugEntry } from '../../src/core/debug';
import { batchOutcome } from '../../src/core/outcomes';
import { PersistentQueue } from '../../src/core/queue';
import { MemoryStorage, SdkStore } from '../../src/core/storage';
import type { SdkEvent } from '../../src/model';
import { FakeServer, json } from './fakes';

const group = { userId: 'u1', sessionId: 's1', locale: 'en', timeZone: 'UTC' };

/** A queue sending to the fake server exactly as the client does; `random = 1` makes the backoff exact. */
function queueOn(storage: MemoryStorage, server: FakeServer, log = new DebugLog(false)) {
  const api = new SdkApi('https://edge.example', 'key-1', server.fetch);
  return new PersistentQueue<SdkEvent>({
    name: 'events',
    store: new SdkStore(storage),
    log,
    flushDelayMs: 250,
    backoff: new Backoff(1000, 30_000, () => 1),
    send: async (batch, keepalive) => {
      const answer = await api.events(
        { userId: batch[0].group.userId },
        batch[0].group,
        batch.map((e) => e.item),
        keepalive,
      );
      return batchOutcome(answer, batch, 'events');
    },
  });
}

function event(n: number): SdkEvent {
  return { eventId: `e${n}`, type: 'track', name: 'viewed', properties: { n } };
}

const accepted = (request: { body: { events: SdkEvent[] } }) =>
  json(200, {
    accepted: request.body.events.length,
    rejected: 0,
    results: request.body.events.map((e, index) => ({ index, eventId: e.eventId, status: 'accepted' })),
    degraded: false,
  });

describe('the tracking queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('survives a reload: a new queue on the same storage sends what the first one could not', async () => {
    const storage = new MemoryStorage();
    const offline = new FakeServer(() => {
      throw new TypeError('Failed to fetch');
    });
    const first = queueOn(storage, offline);
    first.enqueue(event(1), group);
    first.enqueue(event(2), group);
    await vi.advanceTimersByTimeAsync(250);
    expect(offline.requests).toHaveLength(1);
    first.stop();

    const online = new FakeServer(accepted);
    const reloaded = queueOn(storage, online);
    expect(reloaded.size()).toBe(2);
    await reloaded.flushNow();
    expect(online.events().map((e) => e.eventId)).toEqual(['e1', 'e2']);
    expect(reloaded.size()).toBe(0);
  });

  it('sends one request per 100 events, after the short batching delay', async () => {
    const server = new FakeServer(accepted);
    const queue = queueOn(new MemoryStorage(), server);
    for (let n = 0; n < 250; n++) {
      queue.enqueue(event(n), group);
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(server.to('/v1/sdk/events').map((r) => r.body.events.length)).toEqual([100, 100, 50]);
    expect(server.requests[0].body).toMatchObject({ userId: 'u1', sessionId: 's1', platform: 'web', timeZone: 'UTC' });
    expect(server.requests[0].headers['x-marquee-key']).toBe('key-1');
  });

  it('never mixes users in one batch', async () => {
    const server = new FakeServer(accepted);
    const queue = queueOn(new MemoryStorage(), server);
    queue.enqueue(event(1), group);
    queue.enqueue(event(2), { ...group, userId: 'u2' });
    await vi.advanceTimersByTimeAsync(250);
    expect(server.to('/v1/sdk/events').map((r) => [r.body.userId, r.body.events.length])).toEqual([
      ['u1', 1],
      ['u2', 1],
    ]);
  });

  it('retries network errors and 5xx with exponential backoff, resending the same event ids', async () => {
    let calls = 0;
    const server = new FakeServer((request) => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch');
      if (calls <= 3) return json(500, {});
      return accepted(request);
    });
    const queue = queueOn(new MemoryStorage(), server);
    queue.enqueue(event(1), group);
    await vi.advanceTimersByTimeAsync(250); // attempt 1: network error, next in 1 s
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1); // attempt 2: 500, next in 2 s
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1); // attempt 3: 500, next in 4 s
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(4000); // attempt 4: accepted
    expect(calls).toBe(4);
    expect(queue.size()).toBe(0);
    expect(new Set(server.events().map((e) => e.eventId))).toEqual(new Set(['e1']));
    expect(server.events()).toHaveLength(4);
  });

  it('waits as long as Retry-After says on 503 and 429 when it is longer than the backoff', async () => {
    let calls = 0;
    const server = new FakeServer((request) => {
      calls++;
      if (calls === 1) return json(503, {}, { 'Retry-After': '10' });
      if (calls === 2) return json(429, {}, { 'Retry-After': '3' });
      return accepted(request);
    });
    const queue = queueOn(new MemoryStorage(), server);
    queue.enqueue(event(1), group);
    await vi.advanceTimersByTimeAsync(250);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(3);
    expect(queue.size()).toBe(0);
  });

  it('caps the backoff at 30 s', () => {
    const backoff = new Backoff(1000, 30_000, () => 1);
    const waits = Array.from({ length: 8 }, () => backoff.next());
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    const jittered = new Backoff(1000, 30_000, () => 0);
    expect(jittered.next()).toBe(500);
  });

  it('drops only the events the server rejected in its per-event results, and logs them', async () => {
    const log = new DebugLog(false);
    const entries: DebugEntry[] = [];
    log.on((entry) => entries.push(entry));
    const server = new FakeServer(() =>
      json(200, {
        accepted: 1,
        rejected: 1,
        results: [
          { index: 0, eventId: 'e1', status: 'accepted' },
          { index: 1, eventId: 'e2', status: 'rejected', errors: [{ field: 'events[1].name', message: 'too long' }] },
        ],
        degraded: false,
      }),
    );
    const queue = queueOn(new MemoryStorage(), server, log);
    queue.enqueue(event(1), group);
    queue.enqueue(event(2), group);
    await vi.advanceTimersByTimeAsync(250);
    expect(queue.size()).toBe(0);
    expect(entries.filter((e) => e.reason === 'rejected').map((e) => (e.data as { eventId: string }).eventId)).toEqual([
      'e2',
    ]);
  });

  it('on a 400 naming events drops those and resends the others at once', async () => {
    let calls = 0;
    const server = new FakeServer((request) => {
      calls++;
      if (calls === 1) {
        return json(
          400,
          {
            title: 'No event of the batch is valid.',
            status: 400,
            errors: [{ field: 'events[0].type', message: 'unknown' }],
          },
          { 'Content-Type': 'application/problem+json' },
        );
      }
      return accepted(request);
    });
    const queue = queueOn(new MemoryStorage(), server);
    queue.enqueue(event(1), group);
    queue.enqueue(event(2), group);
    await vi.advanceTimersByTimeAsync(250);
    expect(server.to('/v1/sdk/events').map((r) => r.body.events.map((e: SdkEvent) => e.eventId))).toEqual([
      ['e1', 'e2'],
      ['e2'],
    ]);
    expect(queue.size()).toBe(0);
  });

  it('keeps a batch refused as a whole without naming an event (bad signature) and retries it', async () => {
    let calls = 0;
    const server = new FakeServer((request) => {
      calls++;
      return calls === 1 ? json(401, { title: 'Unauthorized', status: 401 }) : accepted(request);
    });
    const queue = queueOn(new MemoryStorage(), server);
    queue.enqueue(event(1), group);
    await vi.advanceTimersByTimeAsync(250);
    expect(queue.size()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.size()).toBe(0);
  });

  it('answers a page that goes away with a keepalive request within its half of the 64 KiB budget', async () => {
    const server = new FakeServer(accepted);
    const queue = queueOn(new MemoryStorage(), server);
    for (let n = 0; n < 100; n++) {
      queue.enqueue({ ...event(n), properties: { text: 'x'.repeat(1000) } }, group);
    }
    queue.flushBeforeUnload();
    await vi.advanceTimersByTimeAsync(0);
    const sent = server.to('/v1/sdk/events')[0];
    expect(sent.keepalive).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(sent.body)).length).toBeLessThan(32 * 1024);
    expect(sent.body.events.length).toBeGreaterThan(10);
    expect(queue.size()).toBe(100 - sent.body.events.length);
  });

  it('above 1000 stored entries drops the oldest, and logs it', async () => {
    const log = new DebugLog(false);
    const dropped: DebugEntry[] = [];
    log.on((entry) => entry.reason === 'dropped' && dropped.push(entry));
    const offline = new FakeServer(() => {
      throw new TypeError('Failed to fetch');
    });
    const queue = queueOn(new MemoryStorage(), offline, log);
    for (let n = 0; n < 1002; n++) {
      queue.enqueue(event(n), group);
    }
    expect(queue.size()).toBe(1000);
    expect(queue.entries()[0].item.eventId).toBe('e2');
    expect(dropped.map((d) => (d.data as { eventId: string }).eventId)).toEqual(['e0', 'e1']);
  }, 30_000); // 1002 rewrites of a growing stored queue: seconds on a loaded 2-core machine, over Vitest's 5 s default
});
