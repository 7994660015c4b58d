// Runs the shared conformance vectors (../sdk-conformance/*.json) against the web SDK's rules. The Android core's
// JUnit suite runs the same files; a new rule is added there once.
import { describe, expect, it } from 'vitest';
import type { HttpAnswer } from '../src/core/api';
import { Backoff } from '../src/core/backoff';
import { allowedLink } from '../src/core/links';
import { batchOutcome } from '../src/core/outcomes';
import type { QueuedEntry } from '../src/core/queue';
import { reconcileLocally, shownThisSession } from '../src/core/reconcile';
import { SseParser } from '../src/core/sse';
import { triggerMatches } from '../src/core/triggers';
import type { SdkEvent, SdkMessage } from '../src/model';

// node:fs without @types/node (the project's tsconfig has no Node types): the module name is not a literal
const nodeFs = 'node:fs';
const fs = (await import(nodeFs)) as { readFileSync(path: URL, encoding: 'utf8'): string };

// kept in a constant: Vite rewrites `new URL(literal, import.meta.url)` into an asset import
const here = import.meta.url;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function vectors(file: string): any {
  return JSON.parse(fs.readFileSync(new URL(`../../sdk-conformance/${file}`, here), 'utf8'));
}

describe('conformance: trigger matching', () => {
  for (const c of vectors('triggers.json').cases) {
    it(c.name, () => expect(triggerMatches(c.trigger, c.fired)).toBe(c.matches));
  }
});

describe('conformance: link policy', () => {
  for (const c of vectors('links.json').cases) {
    it(`${c.url} with [${c.schemes}]`, () => expect(allowedLink(c.url, c.schemes)).toBe(c.allowed));
  }
});

describe('conformance: queue retry decisions', () => {
  const file = vectors('retry.json');
  const batch: QueuedEntry<{ eventId: string }>[] = file.batch.map((eventId: string) => ({
    item: { eventId },
    group: { userId: 'u1' },
    enqueuedAt: 0,
  }));
  for (const c of file.cases) {
    it(c.name, () => {
      const headers = new Headers(c.retryAfter ? { 'Retry-After': c.retryAfter } : {});
      const answer: HttpAnswer = { status: c.status, headers, body: c.body };
      const outcome = batchOutcome(answer, batch, c.list, 0);
      expect(outcome.kind).toBe(c.kind);
      if (outcome.kind === 'retry') {
        expect(outcome.retryAfterMs ?? null).toBe(c.retryAfterMs);
      } else {
        expect(outcome.rejected.map((r) => r.eventId)).toEqual(c.rejected);
      }
    });
  }
  it('backs off from the base, doubling to the cap, with jitter in [ceiling/2, ceiling]', () => {
    const { baseMs, capMs, ceilingsMs } = file.backoff;
    const high = new Backoff(baseMs, capMs, () => 1);
    const low = new Backoff(baseMs, capMs, () => 0);
    for (const ceiling of ceilingsMs) {
      expect(high.next()).toBe(ceiling);
      expect(low.next()).toBe(ceiling / 2);
    }
  });
});

describe('conformance: SSE parsing and resume', () => {
  for (const c of vectors('sse.json').cases) {
    it(c.name, () => {
      const parser = new SseParser(c.resumeFrom ?? '');
      const events = c.chunks.flatMap((chunk: string) => parser.push(chunk));
      expect(events).toEqual(c.events);
      expect(parser.lastEventId).toBe(c.lastEventId);
    });
  }
});

describe('conformance: local caps and re-eligibility', () => {
  const file = vectors('local-caps.json');
  const synced: SdkMessage[] = file.synced;
  for (const c of file.cases) {
    it(c.name, () => {
      const event: SdkEvent = { eventId: 'e1', ...c.event };
      const decision = reconcileLocally({
        event,
        refused: c.refused,
        fallbackDisplay: c.fallbackDisplay ?? undefined,
        synced,
        shownLocally: c.shownLocally,
      });
      expect(decision.kind).toBe(c.kind);
      if (decision.kind === 'show') {
        expect([decision.message.campaignId, decision.delaySeconds]).toEqual([c.campaignId, c.delaySeconds]);
      }
    });
  }
  for (const c of file.reEligibility) {
    it(c.name, () => expect(shownThisSession(c.stored ?? undefined, c.sessionId)).toEqual(c.shownLocally));
  }
});

// The web SDK sends its locale and gets messages the server localized: it applies no fallback of its own. The
// locale vectors pin the server's chain (contracts MessageRenderer, checked by the Android core's suite); here only
// their shape is checked so that a malformed file fails both suites.
describe('conformance: locale fallback (server rule)', () => {
  for (const c of vectors('locale.json').cases) {
    it(`${c.requested || '(none)'} over [${c.available}]`, () => {
      expect(c.chain.every((tag: string) => c.available.includes(tag))).toBe(true);
      expect(c.locale).toBe(c.chain[0] ?? 'default');
    });
  }
});
