// Where the SDK keeps what must survive a reload: the tracking queues, the synced messages and their ETag, the
// session, the anonymous id and the stream's last event id. localStorage by default (synchronous, so every change is
// a read-modify-write of the stored value and two tabs of the same origin do not overwrite each other's entries).

/** The part of the Web Storage API the SDK uses; `localStorage` and `sessionStorage` fit. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Storage of one page's lifetime, for browsers that refuse localStorage (private modes, disabled cookies). */
export class MemoryStorage implements KeyValueStorage {
  private readonly values = new Map<string, string>();

  getItem(key: string): string | null {
    return this.values.has(key) ? (this.values.get(key) as string) : null;
  }

  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }

  removeItem(key: string): void {
    this.values.delete(key);
  }
}

/** `localStorage` when the browser lets the page use it, else a {@link MemoryStorage}. */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = globalThis.localStorage;
    const probe = 'marquee:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return new MemoryStorage();
  }
}

/** JSON values under the SDK's key prefix. */
export class SdkStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly prefix = 'marquee:',
  ) {}

  read<T>(key: string, fallback: T): T {
    try {
      const text = this.storage.getItem(this.prefix + key);
      return text === null ? fallback : (JSON.parse(text) as T);
    } catch {
      return fallback;
    }
  }

  /** False when the storage refused the value (quota exceeded): the caller decides what that means. */
  write(key: string, value: unknown): boolean {
    try {
      this.storage.setItem(this.prefix + key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  }

  remove(key: string): void {
    try {
      this.storage.removeItem(this.prefix + key);
    } catch {
      // nothing stored to remove
    }
  }
}
