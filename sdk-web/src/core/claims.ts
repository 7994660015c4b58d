// A message the server sends reaches every open tab of the user's browser (each tab holds its own stream): one of
// them shows it. The claim is a Web Lock named after the user and the message's stream id, taken only if no other
// tab holds it (`ifAvailable`) and then held for a while: two tabs cannot both win, even though localStorage is not
// coherent between a browser's processes (a write in one tab reaches another's copy a moment later, so a
// read-then-write under a lock alone let both tabs find the id unclaimed). The id is also remembered in storage for
// a tab that gets the message after the lock is released (a reconnect's replay, a tab shown much later). A hidden tab
// keeps what it got and claims it when it is shown, so the message goes to a tab the user is looking at. Without Web
// Locks the storage alone decides; without shared storage every tab shows it, as before.
import type { SdkStore } from './storage';

/** the ids remembered per user: far more than can arrive while a tab is hidden */
const REMEMBERED = 100;
/** how long the winner holds a message's lock: far longer than localStorage takes to reach the other tabs */
export const CLAIM_HOLD_MS = 30_000;

export interface ClaimOptions {
  store: SdkStore;
  /** whether the page is shown now */
  visible(): boolean;
  /** `navigator.locks` where the browser has it */
  locks?: LockManager;
  /** waits `ms` (the time the winner keeps the lock); a timer by default */
  hold?: (ms: number) => Promise<void>;
}

export class StreamClaims {
  private held: { userId: string; id: string; show: () => void }[] = [];

  constructor(private readonly options: ClaimOptions) {}

  /** Shows the message unless another tab of this browser has; a hidden tab waits until it is shown. */
  offer(userId: string, id: string, show: () => void): void {
    if (!this.options.visible()) {
      this.held.push({ userId, id, show });
      return;
    }
    void this.claim(userId, id).then((won) => {
      if (won) {
        show();
      }
    });
  }

  /** The page is shown again: what it kept is offered once more. */
  shown(): void {
    const held = this.held;
    this.held = [];
    for (const { userId, id, show } of held) {
      this.offer(userId, id, show);
    }
  }

  /** Another user: what this tab kept for the previous one is not shown. */
  clear(): void {
    this.held = [];
  }

  private async claim(userId: string, id: string): Promise<boolean> {
    const key = `shown:${userId}`;
    const claim = (): boolean => {
      const shown = this.options.store.read<string[]>(key, []);
      if (shown.includes(id)) {
        return false;
      }
      this.options.store.write(key, [...shown, id].slice(-REMEMBERED));
      return true;
    };
    const locks = this.options.locks;
    if (!locks) {
      return claim();
    }
    const hold = this.options.hold ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    try {
      return await new Promise<boolean>((decided, failed) => {
        locks
          .request(`marquee:${key}:${id}`, { ifAvailable: true }, (lock) => {
            if (lock === null) {
              decided(false); // another tab holds it: that tab shows the message
              return undefined;
            }
            decided(claim());
            return hold(CLAIM_HOLD_MS);
          })
          .catch(failed);
      });
    } catch {
      // a page the browser denies locks (a sandboxed frame): better shown in two tabs than in none
      return claim();
    }
  }
}
