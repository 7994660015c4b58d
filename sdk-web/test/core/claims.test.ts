import { describe, expect, it } from 'vitest';
import { StreamClaims } from '../../src/core/claims';
import { MemoryStorage, SdkStore } from '../../src/core/storage';
import { settle } from './fakes';

describe('stream claims', () => {
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
