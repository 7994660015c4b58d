// A persisted delivery queue (tracking events, interactions). Entries live in storage from the moment they are
// enqueued until the server accepted them, answered them as duplicates, or named them in a refusal, so they survive
// reloads and offline periods. Each entry carries the client `eventId` that lets the server deduplicate a retry.
import { Backoff } from './backoff';
import type { DebugLog } from './debug';
import type { SdkStore } from './storage';

/** What a batch is sent as: the user and device context of the request's body and headers. */
export interface BatchGroup {
  userId: string;
  userSignature?: string;
  sessionId?: string;
  locale?: string;
  timeZone?: string;
}

export interface QueuedEntry<T> {
  item: T;
  group: BatchGroup;
  enqueuedAt: number;
}

export interface RejectedItem {
  eventId: string;
  errors: { field: string; message: string }[];
}

/**
 * How a batch went. `delivered`: every entry leaves the queue (the rejected ones are logged). `refused`: the server
 * named these entries as invalid; they leave, the rest of the batch is sent again at once. `retry`: nothing leaves;
 * sent again after the backoff (or `Retry-After`, whichever is longer).
 */
export type BatchOutcome =
  | { kind: 'delivered'; rejected: RejectedItem[] }
  | { kind: 'refused'; rejected: RejectedItem[] }
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

export interface QueueOptions<T> {
  /** storage key, also used in logs */
  name: string;
  store: SdkStore;
  log: DebugLog;
  send(batch: QueuedEntry<T>[], keepalive: boolean): Promise<BatchOutcome>;
  backoff?: Backoff;
  /** a batch waits this long for more entries before it is sent */
  flushDelayMs?: number;
  batchSize?: number;
  /** the oldest entries are dropped (and logged) above this many */
  maxEntries?: number;
  /** browsers allow 64 KiB of keepalive bodies in flight per page, shared by both queues */
  keepaliveBytes?: number;
  now?: () => number;
}

export class PersistentQueue<T extends { eventId: string }> {
  private readonly backoff: Backoff;
  private readonly flushDelayMs: number;
  private readonly batchSize: number;
  private readonly maxEntries: number;
  private readonly keepaliveBytes: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending = false;
  private stopped = false;
  /**
   * Event ids sent with keepalive and not answered yet: the second signal of one departure (`visibilitychange` to
   * hidden, then `pagehide`) does not send them again.
   */
  private readonly leaving = new Set<string>();
  /** the entries, when storage refused them (quota): kept for this page only */
  private unsaved: QueuedEntry<T>[] | undefined;

  constructor(private readonly options: QueueOptions<T>) {
    this.backoff = options.backoff ?? new Backoff();
    this.flushDelayMs = options.flushDelayMs ?? 250;
    this.batchSize = options.batchSize ?? 100;
    this.maxEntries = options.maxEntries ?? 1000;
    this.keepaliveBytes = options.keepaliveBytes ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Persists the item and schedules a flush (after the short batching delay, or when the backoff ends). */
  enqueue(item: T, group: BatchGroup): void {
    const entries = this.entries();
    entries.push({ item, group, enqueuedAt: this.now() });
    while (entries.length > this.maxEntries) {
      const dropped = entries.shift() as QueuedEntry<T>;
      this.options.log.log({
        reason: 'dropped',
        message: `${this.options.name} queue holds more than ${this.maxEntries} entries: the oldest is dropped`,
        data: { eventId: dropped.item.eventId },
      });
    }
    this.save(entries);
    this.schedule(this.flushDelayMs);
  }

  entries(): QueuedEntry<T>[] {
    if (this.unsaved) {
      return [...this.unsaved];
    }
    return this.options.store.read<QueuedEntry<T>[]>(this.options.name, []);
  }

  size(): number {
    return this.entries().length;
  }

  /** Sends now, ignoring the batching delay and the backoff (the page came back online, or the app asked). */
  flushNow(): Promise<void> {
    this.backoff.reset();
    this.clearTimer();
    return this.drain();
  }

  /**
   * The page is going away: sends the first batch with `keepalive` (trimmed to its share of the 64 KiB browsers accept
   * for all keepalive requests in flight) without waiting
   * for one in flight. Its entries stay stored until an answer arrives; if none does, the next page sends them again
   * and the server deduplicates them by event id.
   */
  flushBeforeUnload(): void {
    const batch = this.nextBatch(this.entries().filter((entry) => !this.leaving.has(entry.item.eventId)));
    while (batch.length > 1 && new TextEncoder().encode(JSON.stringify(batch)).length > this.keepaliveBytes) {
      batch.pop();
    }
    if (batch.length > 0) {
      const ids = batch.map((entry) => entry.item.eventId);
      ids.forEach((id) => this.leaving.add(id));
      void this.attempt(batch, true).finally(() => ids.forEach((id) => this.leaving.delete(id)));
    }
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /** A batch being sent picks up new entries by itself; a pending timer (batching delay or backoff) is kept. */
  private schedule(delayMs: number): void {
    if (this.stopped || this.sending || this.timer !== undefined) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** Sends batch after batch until the queue is empty or an attempt must be retried later. */
  private async drain(): Promise<void> {
    if (this.sending || this.stopped) {
      return;
    }
    this.sending = true;
    let retryIn: number | undefined;
    try {
      for (;;) {
        const batch = this.nextBatch(this.entries());
        if (batch.length === 0 || this.stopped) {
          break;
        }
        const outcome = await this.attempt(batch, false);
        if (outcome.kind === 'retry') {
          retryIn = Math.max(this.backoff.next(), outcome.retryAfterMs ?? 0);
          this.options.log.log({
            reason: 'retry',
            message:
              `${this.options.name}: ${outcome.reason}; ` +
              `${batch.length} entries kept, next attempt in ${retryIn} ms`,
          });
          break;
        }
        this.backoff.reset();
      }
    } finally {
      this.sending = false;
    }
    if (retryIn !== undefined) {
      this.clearTimer();
      this.schedule(retryIn);
    }
  }

  private async attempt(batch: QueuedEntry<T>[], keepalive: boolean): Promise<BatchOutcome> {
    let outcome: BatchOutcome;
    try {
      outcome = await this.options.send(batch, keepalive);
    } catch (error) {
      outcome = { kind: 'retry', reason: `network error (${String(error)})` };
    }
    if (outcome.kind === 'retry') {
      return outcome;
    }
    for (const rejected of outcome.rejected) {
      this.options.log.log({
        reason: 'rejected',
        message: `${this.options.name}: the server refused event ${rejected.eventId}; it is dropped`,
        data: rejected,
      });
    }
    const leaving =
      outcome.kind === 'delivered'
        ? new Set(batch.map((entry) => entry.item.eventId))
        : new Set(outcome.rejected.map((rejected) => rejected.eventId));
    this.save(this.entries().filter((entry) => !leaving.has(entry.item.eventId)));
    return outcome;
  }

  /** The oldest entries that share the oldest entry's user and context, at most `batchSize`. */
  private nextBatch(entries: QueuedEntry<T>[]): QueuedEntry<T>[] {
    if (entries.length === 0) {
      return [];
    }
    const key = JSON.stringify(entries[0].group);
    const batch: QueuedEntry<T>[] = [];
    for (const entry of entries) {
      if (batch.length === this.batchSize || JSON.stringify(entry.group) !== key) {
        break;
      }
      batch.push(entry);
    }
    return batch;
  }

  private save(entries: QueuedEntry<T>[]): void {
    if (this.options.store.write(this.options.name, entries)) {
      this.unsaved = undefined;
    } else {
      this.unsaved = entries;
      this.options.log.log({
        reason: 'retry',
        message: `${this.options.name}: storage refused the queue (quota); it is kept in memory for this page only`,
      });
    }
  }
}
