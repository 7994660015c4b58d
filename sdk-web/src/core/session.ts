// Sessions: one starts at every `Marquee.init` (each page load of the app) and after 30 minutes without activity
// (any SDK call: track, screen, identify, an interaction). The id goes with the sync and every event batch, so the
// server's per-session caps count per session.
import type { SdkStore } from './storage';

export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;

interface StoredSession {
  id: string;
  lastActivity: number;
}

export class Session {
  private current: StoredSession;

  constructor(
    private readonly store: SdkStore,
    private readonly newId: () => string,
    private readonly now: () => number,
    private readonly timeoutMs = SESSION_TIMEOUT_MS,
  ) {
    this.current = this.begin();
  }

  get id(): string {
    return this.current.id;
  }

  /** Records activity; true when the previous session had timed out and a new one started. */
  touch(): boolean {
    const now = this.now();
    if (now - this.current.lastActivity > this.timeoutMs) {
      this.current = this.begin();
      return true;
    }
    this.current = { id: this.current.id, lastActivity: now };
    this.store.write('session', this.current);
    return false;
  }

  /** A new session at once (init, reset). */
  restart(): void {
    this.current = this.begin();
  }

  private begin(): StoredSession {
    const session = { id: this.newId(), lastActivity: this.now() };
    this.store.write('session', session);
    return session;
  }
}
