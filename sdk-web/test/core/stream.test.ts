import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backoff } from '../../src/core/backoff';
import { DebugLog } from '../../src/core/debug';
import { MessageStream } from '../../src/core/stream';
import { json, SseFeed, settle } from './fakes';

interface Opened {
  lastEventId: string | undefined;
  feed: SseFeed;
}

function harness(options: { lastEventId?: string; fail?: (attempt: number) => boolean } = {}) {
  const opened: Opened[] = [];
  const messages: unknown[] = [];
  const saved: string[] = [];
  let resyncs = 0;
  let attempt = 0;
  const stream = new MessageStream({
    open: async (lastEventId, signal) => {
      attempt++;
      if (options.fail?.(attempt)) {
        throw new TypeError('Failed to fetch');
      }
      const feed = new SseFeed(signal);
      opened.push({ lastEventId, feed });
      return feed.response;
    },
    handlers: {
      message: (data) => messages.push(data),
      resync: () => resyncs++,
    },
    log: new DebugLog(false),
    lastEventId: options.lastEventId,
    saveLastEventId: (id) => saved.push(id),
    backoff: new Backoff(1000, 30_000, () => 1),
    idleTimeoutMs: 45_000,
  });
  return { stream, opened, messages, saved, resyncs: () => resyncs, attempts: () => attempt };
}

describe('the message stream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands message events to the display and resync hints to the sync', async () => {
    const h = harness();
    h.stream.start();
    await settle();
    const feed = h.opened[0].feed;
    feed.write('event: connected\ndata: {}\n\n');
    feed.write('event: message\nid: 5\ndata: {"campaignId":"c1","version":1,"variant":"A",\n');
    feed.write('data: "message":{"format":"MODAL"}}\n\n');
    feed.write(': comment\n\nevent: heartbeat\ndata: {}\n\nevent: resync\ndata: {"reason":"campaign_changed"}\n\n');
    await settle();
    expect(h.messages).toEqual([{ campaignId: 'c1', version: 1, variant: 'A', message: { format: 'MODAL' } }]);
    expect(h.resyncs()).toBe(1);
    expect(h.saved).toEqual(['5']);
    h.stream.stop();
  });

  it('reconnects with exponential backoff, sending Last-Event-ID of the last message seen', async () => {
    const h = harness({ lastEventId: '3', fail: (n) => n === 2 || n === 3 });
    h.stream.start();
    await settle();
    expect(h.opened[0].lastEventId).toBe('3');
    h.opened[0].feed.write('id: 9\nevent: message\ndata: {"message":{}}\n\n');
    await settle();
    h.opened[0].feed.end(); // the server went away
    await settle();
    expect(h.attempts()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000); // attempt 2 fails
    expect(h.attempts()).toBe(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(h.attempts()).toBe(2);
    await vi.advanceTimersByTimeAsync(1); // attempt 3 fails
    expect(h.attempts()).toBe(3);
    await vi.advanceTimersByTimeAsync(4000); // attempt 4 connects
    expect(h.attempts()).toBe(4);
    expect(h.opened[1].lastEventId).toBe('9');
    h.stream.stop();
  });

  it('starts the backoff over once a connection is established', async () => {
    const h = harness({ fail: (n) => n === 1 });
    h.stream.start();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.opened).toHaveLength(1);
    h.opened[0].feed.write('event: connected\ndata: {}\n\n');
    await settle();
    h.opened[0].feed.end();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.opened).toHaveLength(2);
    h.stream.stop();
  });

  it('treats an error status as a failed attempt', async () => {
    let calls = 0;
    const stream = new MessageStream({
      open: async () => {
        calls++;
        return json(503, {}, { 'Retry-After': '5' });
      },
      handlers: { message: () => undefined, resync: () => undefined },
      log: new DebugLog(false),
      backoff: new Backoff(1000, 30_000, () => 1),
    });
    stream.start();
    await settle();
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
    stream.stop();
  });

  it('reconnects a connection silent for longer than the idle timeout (heartbeats stopped)', async () => {
    const h = harness();
    h.stream.start();
    await settle();
    await vi.advanceTimersByTimeAsync(44_000);
    h.opened[0].feed.write('event: heartbeat\ndata: {}\n\n');
    await vi.advanceTimersByTimeAsync(44_000);
    expect(h.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000); // 45 s without a byte: aborted, reconnect after 1 s
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.opened).toHaveLength(2);
    h.stream.stop();
  });

  it('stops for good: no reconnection after stop()', async () => {
    const h = harness();
    h.stream.start();
    await settle();
    h.stream.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.attempts()).toBe(1);
  });

  it('caps the wait between attempts at 30 s', async () => {
    const h = harness({ fail: () => true });
    h.stream.start();
    await settle();
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 8000 + 16000); // attempts 2..6
    expect(h.attempts()).toBe(6);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(h.attempts()).toBe(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.attempts()).toBe(7);
    h.stream.stop();
  });
});
