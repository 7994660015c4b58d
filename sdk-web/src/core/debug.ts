// Why each message was or was not shown, and what the SDK's transport did. Listeners of `on('debug')` always get the
// entries; the console gets them only in debug mode.

export type DebugReason =
  | 'shown'
  | 'delayed'
  | 'trigger_mismatch'
  | 'paused'
  | 'held_replaced'
  | 'another_on_screen'
  | 'queue_full'
  | 'duplicate'
  | 'offline_path'
  | 'server_none'
  | 'server_display'
  | 'explain'
  | 'stale_display'
  | 'degraded'
  | 'renderer_refused'
  | 'not_renderable'
  | 'sync'
  | 'stream'
  | 'retry'
  | 'rejected'
  | 'dropped'
  | 'session_start';

export interface DebugEntry {
  reason: DebugReason;
  message: string;
  campaignId?: string;
  data?: unknown;
}

export type DebugListener = (entry: DebugEntry) => void;

export class DebugLog {
  private readonly listeners = new Set<DebugListener>();

  constructor(
    private readonly console: boolean,
    private readonly sink: (line: string, data?: unknown) => void = (line, data) =>
      data === undefined ? globalThis.console.info(line) : globalThis.console.info(line, data),
  ) {}

  on(listener: DebugListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  log(entry: DebugEntry): void {
    if (this.console) {
      const about = entry.campaignId ? ` (${entry.campaignId})` : '';
      this.sink(`[marquee] ${entry.reason}${about}: ${entry.message}`, entry.data);
    }
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // a listener's failure is the app's; the SDK goes on
      }
    }
  }
}
