import { describe, expect, it } from 'vitest';
import { filterHolds, firedBy, matchingMessages, triggerMatches } from '../../src/core/triggers';
import type { PropertyFilter, PropertyOperator } from '../../src/model';
import { sdkMessage } from './fakes';

const holds = (operator: PropertyOperator, value: unknown, ...values: unknown[]) =>
  filterHolds({ property: 'p', operator, values } as PropertyFilter, value);

describe('property filters (numbers as numbers, the rest as text)', () => {
  it('EQ and NEQ compare numbers numerically, also when one side is numeric text', () => {
    expect(holds('EQ', 10, 10)).toBe(true);
    expect(holds('EQ', '10.0', 10)).toBe(true);
    expect(holds('EQ', 'blue', 'blue')).toBe(true);
    expect(holds('EQ', 'Blue', 'blue')).toBe(false);
    expect(holds('NEQ', 10, 11)).toBe(true);
    expect(holds('NEQ', 'a', 'a')).toBe(false);
  });

  it('GT, GTE, LT, LTE: 9 < 10 as numbers, "9" > "10" as text', () => {
    expect(holds('GT', 10, 9)).toBe(true);
    expect(holds('GT', 9, 10)).toBe(false);
    expect(holds('GTE', 10, 10)).toBe(true);
    expect(holds('LT', '9', 10)).toBe(true);
    expect(holds('LTE', 10, 10)).toBe(true);
    expect(holds('LTE', 11, 10)).toBe(false);
    expect(holds('GT', 'b9', 'b10')).toBe(true);
    expect(holds('LT', 'apple', 'banana')).toBe(true);
  });

  it('IN matches any of the values', () => {
    expect(holds('IN', 'fr', 'en', 'fr')).toBe(true);
    expect(holds('IN', 2, '1', '2.0')).toBe(true);
    expect(holds('IN', 'de', 'en', 'fr')).toBe(false);
  });

  it('CONTAINS is a text search', () => {
    expect(holds('CONTAINS', 'summer-sale-2026', 'sale')).toBe(true);
    expect(holds('CONTAINS', 12345, 234)).toBe(true);
    expect(holds('CONTAINS', 'winter', 'sale')).toBe(false);
  });

  it('EXISTS needs the property, whatever its value', () => {
    expect(holds('EXISTS', 0)).toBe(true);
    expect(holds('EXISTS', '')).toBe(true);
    expect(holds('EXISTS', undefined)).toBe(false);
    expect(holds('EXISTS', null)).toBe(false);
  });

  it('a missing property or a filter without values never holds (but EXISTS)', () => {
    expect(holds('EQ', undefined, 1)).toBe(false);
    expect(holds('NEQ', undefined, 1)).toBe(false);
    expect(holds('EQ', 1)).toBe(false);
  });

  it('empty text is text, not the number 0', () => {
    expect(holds('EQ', '', 0)).toBe(false);
    expect(holds('LT', '', 'a')).toBe(true);
  });
});

describe('triggers', () => {
  it('a screen view fires SCREEN_VIEW of its screen only', () => {
    const fired = firedBy({ eventId: 'e', type: 'screen_view', name: 'checkout' })!;
    expect(triggerMatches({ type: 'SCREEN_VIEW', name: 'checkout' }, fired)).toBe(true);
    expect(triggerMatches({ type: 'SCREEN_VIEW', name: 'home' }, fired)).toBe(false);
    expect(triggerMatches({ type: 'CUSTOM_EVENT', name: 'checkout' }, fired)).toBe(false);
  });

  it('a custom event fires CUSTOM_EVENT of its name when every filter holds', () => {
    const trigger = {
      type: 'CUSTOM_EVENT' as const,
      name: 'added_to_cart',
      filters: [
        { property: 'price', operator: 'GTE' as const, values: [50] },
        { property: 'category', operator: 'IN' as const, values: ['shoes', 'bags'] },
      ],
    };
    const fire = (name: string, properties: Record<string, unknown>) =>
      triggerMatches(trigger, firedBy({ eventId: 'e', type: 'track', name, properties })!);
    expect(fire('added_to_cart', { price: 80, category: 'shoes' })).toBe(true);
    expect(fire('added_to_cart', { price: 20, category: 'shoes' })).toBe(false);
    expect(fire('added_to_cart', { price: 80, category: 'hats' })).toBe(false);
    expect(fire('removed_from_cart', { price: 80, category: 'shoes' })).toBe(false);
  });

  it('session_start, app_open and purchase fire their types; purchase filters apply to its properties', () => {
    expect(triggerMatches({ type: 'SESSION_START' }, firedBy({ eventId: 'e', type: 'session_start' })!)).toBe(true);
    expect(triggerMatches({ type: 'APP_OPEN' }, firedBy({ eventId: 'e', type: 'app_open' })!)).toBe(true);
    expect(triggerMatches({ type: 'APP_OPEN' }, firedBy({ eventId: 'e', type: 'session_start' })!)).toBe(false);
    const big = { type: 'PURCHASE' as const, filters: [{ property: 'total', operator: 'GT' as const, values: [100] }] };
    expect(triggerMatches(big, firedBy({ eventId: 'e', type: 'purchase', properties: { total: 150 } })!)).toBe(true);
    expect(triggerMatches(big, firedBy({ eventId: 'e', type: 'purchase', properties: { total: 50 } })!)).toBe(false);
  });

  it('attributes and identify fire nothing', () => {
    expect(firedBy({ eventId: 'e', type: 'identify', attributes: {} })).toBeNull();
    expect(firedBy({ eventId: 'e', type: 'attributes', attributes: {} })).toBeNull();
  });

  it('matching keeps the synced order and the trigger that matched (with its delay)', () => {
    const messages = [
      sdkMessage('home-banner', [{ type: 'SCREEN_VIEW', name: 'home' }]),
      sdkMessage('checkout-tip', [
        { type: 'SCREEN_VIEW', name: 'cart' },
        { type: 'SCREEN_VIEW', name: 'checkout', delaySeconds: 5 },
      ]),
      sdkMessage('checkout-modal', [{ type: 'SCREEN_VIEW', name: 'checkout' }]),
    ];
    const matches = matchingMessages(messages, { type: 'SCREEN_VIEW', name: 'checkout' });
    expect(matches.map((m) => m.message.campaignId)).toEqual(['checkout-tip', 'checkout-modal']);
    expect(matches[0].trigger.delaySeconds).toBe(5);
  });
});
