import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../src/router';

describe('hash routes', () => {
  it('round-trips every page', () => {
    for (const hash of ['#/apps', '#/apps/a%201', '#/apps/a1/campaigns', '#/apps/a1/campaigns/new', '#/apps/a1/campaigns/c1']) {
      expect(href(parseRoute(hash))).toBe(hash);
    }
  });
  it('an empty hash is the apps list; an unknown one is not found', () => {
    expect(parseRoute('')).toEqual({ page: 'apps' });
    expect(parseRoute('#/nope').page).toBe('not-found');
  });
});
