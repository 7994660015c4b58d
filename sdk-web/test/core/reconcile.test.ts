import { describe, expect, it } from 'vitest';
import {
  reconcileLocally,
  reconcileServerAnswer,
  shownThisSession,
  unhandled,
  type LocalInput,
  type ServerAnswerInput,
} from '../../src/core/reconcile';
import type { Display, SdkEvent, SdkMessage } from '../../src/model';
import { sdkMessage } from './fakes';

const checkout = sdkMessage('checkout-tip', [{ type: 'SCREEN_VIEW', name: 'checkout', delaySeconds: 2 }]);
const checkoutToo = sdkMessage('checkout-promo', [{ type: 'SCREEN_VIEW', name: 'checkout' }]);
const promo = sdkMessage('promo', [{ type: 'CUSTOM_EVENT', name: 'added_to_cart' }]);

function event(id: string, type: SdkEvent['type'], name?: string): SdkEvent {
  return { eventId: id, type, name, occurredAt: '2026-01-01T00:00:00Z' };
}

function displayOf(message: SdkMessage, delaySeconds = 0): Display {
  return { ...message, trigger: message.triggers?.[0], delaySeconds };
}

const screen = event('e1', 'screen_view', 'checkout');
const identify = event('e2', 'identify');

function server(overrides: Partial<ServerAnswerInput>): ServerAnswerInput {
  return {
    batch: [screen],
    live: new Set(['e1', 'e2']),
    handledLocally: new Set(),
    shownLocally: [],
    synced: [checkout, promo],
    ...overrides,
  };
}

function local(overrides: Partial<LocalInput>): LocalInput {
  return {
    event: screen,
    refused: false,
    fallbackDisplay: undefined,
    synced: [checkout, checkoutToo, promo],
    shownLocally: [],
    ...overrides,
  };
}

describe('the server answered an event batch', () => {
  it('online, the server’s display wins over the local match', () => {
    const chosen = displayOf(promo, 3);
    expect(reconcileServerAnswer(server({ display: chosen }))).toEqual({ kind: 'show', display: chosen });
  });

  it('a display for events of an earlier page (not live) is stale', () => {
    const chosen = displayOf(promo);
    expect(reconcileServerAnswer(server({ display: chosen, live: new Set() }))).toEqual({
      kind: 'stale',
      display: chosen,
    });
  });

  it('a display for events already handled offline is stale; without a display too', () => {
    const handledLocally = new Set(['e1']);
    expect(reconcileServerAnswer(server({ display: displayOf(promo), handledLocally })).kind).toBe('stale');
    expect(reconcileServerAnswer(server({ handledLocally }))).toEqual({ kind: 'stale', display: undefined });
  });

  it('a campaign already shown offline in this session is not shown again', () => {
    const chosen = displayOf(checkout);
    expect(reconcileServerAnswer(server({ display: chosen, shownLocally: ['checkout-tip'] }))).toEqual({
      kind: 'duplicate',
      display: chosen,
    });
  });

  it('no display: nothing shows, each fresh event with a trigger is reported with its local matches', () => {
    const decision = reconcileServerAnswer(
      server({ batch: [screen, identify, event('e3', 'track', 'unknown')], live: new Set(['e1', 'e2', 'e3']) }),
    );
    expect(decision.kind).toBe('none');
    if (decision.kind !== 'none') return;
    expect(decision.unanswered.map((u) => [u.event.eventId, u.local.map((m) => m.campaignId)])).toEqual([
      ['e1', ['checkout-tip']],
      ['e3', []],
    ]);
    expect(decision.unanswered[0].fired).toEqual({ type: 'SCREEN_VIEW', name: 'checkout', properties: undefined });
  });

  it('only the live events not handled offline count', () => {
    const batch = [screen, identify, event('e3', 'track')];
    expect(unhandled(batch, { live: new Set(['e1', 'e3']), handledLocally: new Set(['e3']) })).toEqual([screen]);
  });
});

describe('the synced set decides (server unreachable or refusing)', () => {
  it('offline: the first matching synced message, after its trigger’s delay', () => {
    expect(reconcileLocally(local({}))).toMatchObject({ kind: 'show', message: checkout, delaySeconds: 2 });
  });

  it('offline: a campaign already shown this session is skipped for the next match (the local cap)', () => {
    expect(reconcileLocally(local({ shownLocally: ['checkout-tip'] }))).toMatchObject({
      kind: 'show',
      message: checkoutToo,
      delaySeconds: 0,
    });
    expect(reconcileLocally(local({ shownLocally: ['checkout-tip', 'checkout-promo'] })).kind).toBe('already_shown');
  });

  it('a missing cache (nothing synced) or no matching trigger shows nothing', () => {
    expect(reconcileLocally(local({ synced: [] })).kind).toBe('no_match');
    expect(reconcileLocally(local({ event: event('e9', 'track', 'other') })).kind).toBe('no_match');
  });

  it('an event without a trigger decides nothing', () => {
    expect(reconcileLocally(local({ event: identify }))).toEqual({ kind: 'no_trigger' });
  });

  it("429/5xx: nothing from the synced set unless fallbackDisplay is 'session-caps'", () => {
    expect(reconcileLocally(local({ refused: true })).kind).toBe('caps_need_server');
    expect(reconcileLocally(local({ refused: true, fallbackDisplay: 'none' })).kind).toBe('caps_need_server');
    expect(reconcileLocally(local({ refused: true, fallbackDisplay: 'session-caps' }))).toMatchObject({
      kind: 'show',
      message: checkout,
    });
    expect(
      reconcileLocally(local({ refused: true, fallbackDisplay: 'session-caps', shownLocally: ['checkout-tip', 'checkout-promo'] }))
        .kind,
    ).toBe('already_shown');
  });

  it('unreachable (no answer at all) ignores fallbackDisplay', () => {
    expect(reconcileLocally(local({ fallbackDisplay: 'none' })).kind).toBe('show');
  });
});

describe('the campaigns shown offline', () => {
  it('count only for the session that stored them (a stale record of an earlier session counts none)', () => {
    expect(shownThisSession({ sessionId: 's1', campaigns: ['a'] }, 's1')).toEqual(['a']);
    expect(shownThisSession({ sessionId: 's0', campaigns: ['a'] }, 's1')).toEqual([]);
    expect(shownThisSession({}, 's1')).toEqual([]);
    expect(shownThisSession(undefined, 's1')).toEqual([]);
    expect(shownThisSession({ sessionId: 's1', campaigns: 'a' as unknown as string[] }, 's1')).toEqual([]);
  });
});
