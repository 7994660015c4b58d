// The user's Server-Sent Events stream, read with fetch and a ReadableStream (EventSource cannot send the SDK key
// header). Reconnects with exponential backoff and jitter (capped at 30 s) and resumes after the last event id, which
// is persisted per user so that a reload does not replay the messages already delivered.
import { Backoff } from './backoff';
import type { DebugLog } from './debug';
import { SseParser, type SseEvent } from './sse';

export interface StreamHandlers {
  /** a `message` event's JSON and its id (the outbox sequence number; '' when the server sent none) */
  message(data: unknown, id: string): void;
  /** a `resync` hint */
  resync(): void;
}

export interface StreamOptions {
  /** opens the stream; `lastEventId` goes in the `Last-Event-ID` header */
  open(lastEventId: string | undefined, signal: AbortSignal): Promise<Response>;
  handlers: StreamHandlers;
  log: DebugLog;
  /** the last event id of a previous page or connection */
  lastEventId?: string;
  /** remembers each new last event id (storage) */
  saveLastEventId?(id: string): void;
  backoff?: Backoff;
  /** no byte for this long (heartbeats come every 15 s) means a dead connection: reconnect */
  idleTimeoutMs?: number;
}

export class MessageStream {
  private readonly backoff: Backoff;
  private readonly idleTimeoutMs: number;
  private lastEventId: string | undefined;
  private controller: AbortController | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private connecting = false;

  constructor(private readonly options: StreamOptions) {
    this.backoff = options.backoff ?? new Backoff(1000, 30_000);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
    this.lastEventId = options.lastEventId || undefined;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    void this.connect();
  }

  /** Closes the connection and cancels any reconnection. */
  stop(): void {
    this.running = false;
    this.clearTimers();
    this.controller?.abort();
    this.controller = undefined;
  }

  /** The page came back online: reconnect at once instead of waiting for the backoff. */
  reconnectNow(): void {
    if (!this.running || this.connecting) {
      return;
    }
    this.clearTimers();
    this.backoff.reset();
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.connecting = true;
    const controller = new AbortController();
    this.controller = controller;
    let reason = 'stream ended';
    try {
      const response = await this.options.open(this.lastEventId, controller.signal);
      if (!response.ok || !response.body) {
        reason = `stream answered ${response.status}`;
        await response.body?.cancel().catch(() => undefined);
      } else {
        await this.read(response.body, controller);
      }
    } catch (error) {
      reason = `stream failed (${String(error)})`;
    } finally {
      this.connecting = false;
      this.clearTimers();
    }
    if (!this.running) {
      return;
    }
    const wait = this.backoff.next();
    this.options.log.log({ reason: 'stream', message: `${reason}; reconnecting in ${wait} ms` });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.running) {
        void this.connect();
      }
    }, wait);
  }

  private async read(body: ReadableStream<Uint8Array>, controller: AbortController): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser(this.lastEventId ?? '');
    this.watchIdle(controller);
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !this.running) {
        return;
      }
      this.watchIdle(controller);
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        this.handle(event);
      }
    }
  }

  private handle(event: SseEvent): void {
    if (event.lastEventId && event.lastEventId !== this.lastEventId) {
      this.lastEventId = event.lastEventId;
      this.options.saveLastEventId?.(event.lastEventId);
    }
    switch (event.type) {
      case 'connected':
        this.backoff.reset();
        this.options.log.log({ reason: 'stream', message: 'stream connected' });
        return;
      case 'message':
        try {
          this.options.handlers.message(JSON.parse(event.data), event.id);
        } catch (error) {
          this.options.log.log({ reason: 'stream', message: `unreadable message event (${String(error)})` });
        }
        return;
      case 'resync':
        this.options.handlers.resync();
        return;
      default:
      // heartbeat and future event types: the bytes already reset the idle timer
    }
  }

  private watchIdle(controller: AbortController): void {
    if (this.idleTimer !== undefined) {
      clearTimeout(this.idleTimer);
    }
    this.idleTimer = setTimeout(() => controller.abort(), this.idleTimeoutMs);
  }

  private clearTimers(): void {
    if (this.reconnectTimer !== undefined) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = undefined;
    }
    if (this.idleTimer !== undefined) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
  }
}
