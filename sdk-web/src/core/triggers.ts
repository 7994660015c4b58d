// Local trigger evaluation against the synced set: the same rules as delivery-service's `TriggerEvent` and
// `PropertyFilters` (numbers compare as numbers, everything else as text). Used when the server cannot decide
// (offline) and to explain in debug mode why a message did not show.
import type { PropertyFilter, SdkEvent, SdkMessage, Trigger, TriggerType } from '../model';

/** What happened, as a campaign trigger sees it. */
export interface FiredTrigger {
  type: TriggerType;
  /** the screen (SCREEN_VIEW) or the event name (CUSTOM_EVENT) */
  name?: string;
  properties?: Record<string, unknown>;
}

export interface TriggerMatch {
  message: SdkMessage;
  trigger: Trigger;
}

/** The trigger an SDK event fires; `attributes` and `identify` events fire none. */
export function firedBy(event: SdkEvent): FiredTrigger | null {
  switch (event.type) {
    case 'session_start':
      return { type: 'SESSION_START', properties: event.properties };
    case 'app_open':
      return { type: 'APP_OPEN', properties: event.properties };
    case 'purchase':
      return { type: 'PURCHASE', properties: event.properties };
    case 'screen_view':
      return { type: 'SCREEN_VIEW', name: event.name, properties: event.properties };
    case 'track':
      return { type: 'CUSTOM_EVENT', name: event.name, properties: event.properties };
    default:
      return null;
  }
}

export function triggerMatches(trigger: Trigger, fired: FiredTrigger): boolean {
  if (trigger.type !== fired.type) {
    return false;
  }
  if ((fired.type === 'SCREEN_VIEW' || fired.type === 'CUSTOM_EVENT') && trigger.name !== fired.name) {
    return false;
  }
  const properties = fired.properties ?? {};
  return (trigger.filters ?? []).every((filter) => filterHolds(filter, properties[filter.property]));
}

/** The synced messages a trigger shows, in the synced order (each with the first of its triggers that matched). */
export function matchingMessages(messages: SdkMessage[], fired: FiredTrigger): TriggerMatch[] {
  const matches: TriggerMatch[] = [];
  for (const message of messages) {
    const trigger = (message.triggers ?? []).find((candidate) => triggerMatches(candidate, fired));
    if (trigger) {
      matches.push({ message, trigger });
    }
  }
  return matches;
}

export function filterHolds(filter: PropertyFilter, value: unknown): boolean {
  if (filter.operator === 'EXISTS') {
    return value !== undefined && value !== null;
  }
  const values = filter.values ?? [];
  if (value === undefined || value === null || values.length === 0) {
    return false;
  }
  const expected = values[0];
  switch (filter.operator) {
    case 'EQ':
      return compare(value, expected) === 0;
    case 'NEQ':
      return compare(value, expected) !== 0;
    case 'GT':
      return compare(value, expected) > 0;
    case 'GTE':
      return compare(value, expected) >= 0;
    case 'LT':
      return compare(value, expected) < 0;
    case 'LTE':
      return compare(value, expected) <= 0;
    case 'IN':
      return values.some((candidate) => compare(value, candidate) === 0);
    case 'CONTAINS':
      return String(value).includes(String(expected));
    default:
      return false;
  }
}

/** Both numbers (or numeric text): numerically; otherwise as text, by UTF-16 code units like Java's compareTo. */
function compare(actual: unknown, expected: unknown): number {
  const a = asNumber(actual);
  const e = asNumber(expected);
  if (a !== null && e !== null) {
    return Math.sign(a - e);
  }
  const left = String(actual);
  const right = String(expected);
  return left < right ? -1 : left > right ? 1 : 0;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    return Number(value.trim());
  }
  return null;
}
