// Who decides what shows, as pure functions (inputs → decision): the server's answer to an event batch against what
// this page knows, and the synced set when the server could not decide. `decisions.ts` gathers the inputs, applies
// the decision (shows, logs, remembers) and keeps the state; nothing here reads storage or the clock.
//
// The rules (README, "Who decides what shows"):
// - online, the server's `display` wins, but only for events of this page not handled offline yet (a display for an
//   earlier page's events is stale), and not for a campaign the synced set already showed in this session;
// - the server answered no display: nothing shows (the synced messages that match are only reported);
// - offline (no answer), the synced set shows the first matching message of a campaign not shown offline in this
//   session; on 429/5xx (the server is there but could not apply the caps) only with `fallbackDisplay: 'session-caps'`.
import type { Display, SdkEvent, SdkMessage } from '../model';
import { type FiredTrigger, firedBy, matchingMessages } from './triggers';

/** What the page knows of its events: recorded and not settled (`live`), already evaluated offline (`handledLocally`). */
export interface PageEvents {
  live: ReadonlySet<string>;
  handledLocally: ReadonlySet<string>;
}

/** The events of a batch the page has not handled yet: recorded on this page, not settled, not evaluated offline. */
export function unhandled(batch: readonly SdkEvent[], page: PageEvents): SdkEvent[] {
  return batch.filter((event) => page.live.has(event.eventId) && !page.handledLocally.has(event.eventId));
}

export interface ServerAnswerInput extends PageEvents {
  /** the events of the batch the server decided */
  batch: readonly SdkEvent[];
  /** what it answered to show, if anything */
  display?: Display;
  /** the campaigns the synced set showed in this session */
  shownLocally: readonly string[];
  /** the synced set of the user (only to report what would have matched locally) */
  synced: readonly SdkMessage[];
}

/** One event the server showed nothing for, with the synced messages its trigger matches locally. */
export interface UnansweredEvent {
  event: SdkEvent;
  fired: FiredTrigger;
  local: SdkMessage[];
}

export type ServerDecision =
  /** the batch holds no event of this page left to decide: a display (if any) is not shown */
  | { kind: 'stale'; display?: Display }
  /** the server chose a campaign the synced set already showed in this session: not shown again */
  | { kind: 'duplicate'; display: Display }
  /** the server's display is shown */
  | { kind: 'show'; display: Display }
  /** the server answered no display: nothing shows; each event with a trigger is reported */
  | { kind: 'none'; unanswered: UnansweredEvent[] };

export function reconcileServerAnswer(input: ServerAnswerInput): ServerDecision {
  const fresh = unhandled(input.batch, input);
  const display = input.display;
  if (fresh.length === 0) {
    return { kind: 'stale', display };
  }
  if (display && input.shownLocally.includes(display.campaignId)) {
    return { kind: 'duplicate', display };
  }
  if (display) {
    return { kind: 'show', display };
  }
  const unanswered: UnansweredEvent[] = [];
  for (const event of fresh) {
    const fired = firedBy(event);
    if (fired) {
      unanswered.push({ event, fired, local: matchingMessages([...input.synced], fired).map((m) => m.message) });
    }
  }
  return { kind: 'none', unanswered };
}

export interface LocalInput {
  event: SdkEvent;
  /** true when the server answered 429/5xx (it is there but could not apply the caps); false when unreachable */
  refused: boolean;
  fallbackDisplay: 'none' | 'session-caps' | undefined;
  /** the synced set of the user (empty when nothing was ever synced) */
  synced: readonly SdkMessage[];
  /** the campaigns the synced set showed in this session */
  shownLocally: readonly string[];
}

export type LocalDecision =
  /** the event fires no trigger (`identify`, `attributes`) */
  | { kind: 'no_trigger' }
  /** 429/5xx with `fallbackDisplay: 'none'`: the caps need the server, nothing shows */
  | { kind: 'caps_need_server'; fired: FiredTrigger }
  /** no synced message has this trigger (or nothing is synced) */
  | { kind: 'no_match'; fired: FiredTrigger }
  /** every matching synced message was already shown offline in this session */
  | { kind: 'already_shown'; fired: FiredTrigger }
  /** shown from the synced set after the trigger's delay, counted once for this session */
  | { kind: 'show'; fired: FiredTrigger; message: SdkMessage; delaySeconds: number };

export function reconcileLocally(input: LocalInput): LocalDecision {
  const fired = firedBy(input.event);
  if (!fired) {
    return { kind: 'no_trigger' };
  }
  if (input.refused && input.fallbackDisplay !== 'session-caps') {
    // a client that provokes 429s must not switch the campaigns' caps off: without the server, nothing shows
    return { kind: 'caps_need_server', fired };
  }
  const matches = matchingMessages([...input.synced], fired);
  const match = matches.find((m) => !input.shownLocally.includes(m.message.campaignId));
  if (!match) {
    return { kind: matches.length > 0 ? 'already_shown' : 'no_match', fired };
  }
  return { kind: 'show', fired, message: match.message, delaySeconds: match.trigger.delaySeconds ?? 0 };
}

/** What storage holds of the campaigns shown offline: it counts only for the session that wrote it. */
export interface ShownLocallyRecord {
  sessionId?: string;
  campaigns?: string[];
}

export function shownThisSession(stored: ShownLocallyRecord | undefined, sessionId: string): string[] {
  return stored?.sessionId === sessionId && Array.isArray(stored.campaigns) ? stored.campaigns : [];
}
