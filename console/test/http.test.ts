import { describe, expect, it } from 'vitest';
import { requestInit, useCsrfToken } from '../src/api/http';

describe('requests', () => {
  it('writes carry the CSRF token and the cookie; reads no token', () => {
    useCsrfToken('csrf-1');
    const write = requestInit('POST', { a: 1 });
    expect(write.credentials).toBe('same-origin');
    expect((write.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-1');
    expect((requestInit('GET').headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    useCsrfToken(undefined);
  });
});
