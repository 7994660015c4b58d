// A message the server sends reaches every open tab of the user's browser (each tab holds its own stream): one of
// them shows it. A tab claims the message's stream id in storage, under a Web Lock where the browser has them (so
// two tabs cannot both find it unclaimed); a hidden tab keeps what it got and claims it when it is shown, so the
// message goes to a tab the user is looking at. Without shared storage every tab shows it, as before.
import type { SdkStore } from './storage';

/** the ids remembered per user: far more than can arrive while a tab is hidden */
const REMEMBERED = 100;

export interface ClaimOptions {
  store: SdkStore;
  /** whether the page is shown now */
  visible(): boolean;
  /** `navigator.locks` where the browser has it */
  locks?: LockManager;
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
    try {
      return await locks.request(`marquee:${key}`, claim);
    } catch {
      // a page the browser denies locks (a sandboxed frame): better shown in two tabs than in none
      return claim();
    }
  }
}
