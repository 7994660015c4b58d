import { describe, expect, it } from 'vitest';
import { StreamClaims } from '../../src/core/claims';
import { MemoryStorage, SdkStore } from '../../src/core/storage';
import { settle } from './fakes';

/** Web Locks of one browser, shared by its tabs: exclusive locks by name, queued, or refused with `ifAvailable`. */
class BrowserLocks {
  private readonly held = new Map<string, (() => void)[]>();

  request(name: string, ...args: unknown[]): Promise<unknown> {
    const callback = args[args.length - 1] as (lock: Lock | null) => unknown;
    const options = (args.length > 1 ? args[0] : {}) as LockOptions;
    if (this.held.has(name) && options.ifAvailable) {
      return Promise.resolve(callback(null));
    }
    return new Promise((resolve, reject) => {
      const run = () => {
        this.held.set(name, this.held.get(name) ?? []);
        Promise.resolve(callback({ name, mode: 'exclusive' } as Lock))
          .then(resolve, reject)
          .finally(() => {
            const next = this.held.get(name)?.shift();
            if (next) {
              next();
            } else {
              this.held.delete(name);
            }
          });
      };
      const queue = this.held.get(name);
      if (queue) {
        queue.push(run);
      } else {
        run();
      }
    });
  }
}

describe('stream claims', () => {
  it('two tabs whose storage has not yet seen the other tab\'s write: the message shows in one of them', async () => {
    // localStorage is not coherent between a browser's processes: each tab reads its own copy for a moment
    const locks = new BrowserLocks() as unknown as LockManager;
    const shown: string[] = [];
    const hold = () => new Promise<void>(() => undefined); // still held while the test looks
    for (const tab of ['tab 1', 'tab 2']) {
      const claims = new StreamClaims({ store: new SdkStore(new MemoryStorage()), visible: () => true, locks, hold });
      claims.offer('u1', '7', () => shown.push(tab));
    }
    await settle();
    expect(shown).toEqual(['tab 1']);
  });

  it('a tab that gets the message after the winner let its lock go finds it in storage', async () => {
    const locks = new BrowserLocks() as unknown as LockManager;
    const store = new SdkStore(new MemoryStorage());
    const shown: string[] = [];
    for (const tab of ['tab 1', 'tab 2']) {
      const claims = new StreamClaims({ store, visible: () => true, locks, hold: () => Promise.resolve() });
      claims.offer('u1', '7', () => shown.push(tab));
      await settle();
    }
    expect(shown).toEqual(['tab 1']);
  });

  it('a page whose locks are refused still shows the message once', async () => {
    const denied = () => Promise.reject(new DOMException('denied', 'SecurityError'));
    const refused = { request: denied } as unknown as LockManager;
    const claims = new StreamClaims({ store: new SdkStore(new MemoryStorage()), visible: () => true, locks: refused });
    const shown: string[] = [];
    claims.offer('u1', '1', () => shown.push('1'));
    claims.offer('u1', '1', () => shown.push('1 again'));
    await settle();
    expect(shown).toEqual(['1']);
  });

  it('remembers the last 100 ids of a user, not more', async () => {
    const storage = new MemoryStorage();
    const claims = new StreamClaims({ store: new SdkStore(storage), visible: () => true });
    for (let id = 1; id <= 150; id++) {
      claims.offer('u1', String(id), () => undefined);
    }
    await settle();
    const kept = JSON.parse(storage.getItem('marquee:shown:u1')!) as string[];
    expect([kept.length, kept[0], kept[99]]).toEqual([100, '51', '150']);
  });
});
