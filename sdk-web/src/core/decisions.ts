// The event side of the client: every recorded event goes to the server, whose answer decides what shows; when the
// server cannot decide, the synced set does (the rules and their tests: reconcile.ts). This class keeps what the
// page knows of its events, sends the event batches, applies the decisions (offers, debug entries, the campaigns
// shown offline in storage) and, in debug mode, asks the server why nothing showed.
import type { Display, EventsResponse, SdkEvent, SdkMessage } from '../model';
import type { DeviceContext, HttpAnswer, Identity, SdkApi } from './api';
import type { DebugLog } from './debug';
import type { DisplayController } from './display';
import { batchOutcome } from './outcomes';
import type { BatchOutcome, QueuedEntry } from './queue';
import {
  type PageEvents,
  reconcileLocally, reconcileServerAnswer, type ShownLocallyRecord, shownThisSession, unhandled } from './reconcile';
import type { SdkStore } from './storage';
import type { MessageSync } from './sync';
import type { FiredTrigger } from './triggers';

export interface EventDecisionsOptions {
  api: SdkApi;
  store: SdkStore;
  log: DebugLog;
  display: DisplayController;
  sync: MessageSync;
  now: () => number;
  debugMode: boolean;
  fallbackDisplay: 'none' | 'session-caps' | undefined;
  identity: () => Identity;
  sessionId: () => string;
  context: () => DeviceContext;
}

export class EventDecisions {
  /** events of this page not settled yet: a server display is shown only for these */
  private readonly live = new Set<string>();
  /** events already evaluated on the offline path */
  private readonly handledLocally = new Set<string>();
  private serverUnreachable = false;
  /** the server refused an explanation once (no DEBUG scope): not asked again */
  private explainRefused = false;

  constructor(private readonly options: EventDecisionsOptions) {}

  /** A new event of this page, before it is queued: offline, the synced set decides at once. */
  recorded(event: SdkEvent): void {
    this.live.add(event.eventId);
    if (!this.online()) {
      this.evaluateLocally(event, 'offline');
    }
  }

  /** The browser says it is back online: the server is tried again. */
  backOnline(): void {
    this.serverUnreachable = false;
  }

  /** Sends one batch of the events queue and applies the answer. */
  async send(batch: QueuedEntry<SdkEvent>[], keepalive: boolean): Promise<BatchOutcome> {
    const group = batch[0].group;
    const identity = { userId: group.userId, userSignature: group.userSignature };
    const context = { sessionId: group.sessionId, locale: group.locale, timeZone: group.timeZone };
    let answer;
    try {
      answer = await this.options.api.events(
        identity,
        context,
        batch.map((entry) => entry.item),
        keepalive,
      );
    } catch (error) {
      this.serverUnreachable = true;
      this.fallBackLocally(batch);
      throw error;
    }
    const outcome = batchOutcome(answer, batch, 'events', this.options.now());
    this.serverUnreachable = outcome.kind === 'retry';
    if (outcome.kind === 'delivered') {
      this.decided(batch, answer.body as EventsResponse | undefined);
    } else if (outcome.kind === 'retry') {
      this.fallBackLocally(batch, answer.status === 429 || answer.status >= 500);
    }
    return outcome;
  }

  private page(): PageEvents {
    return { live: this.live, handledLocally: this.handledLocally };
  }

  private online(): boolean {
    return globalThis.navigator?.onLine !== false && !this.serverUnreachable;
  }

  private synced(): SdkMessage[] {
    return this.options.sync.messages(this.options.identity().userId);
  }

  /** The server decided the batch: its `display` is shown when the batch holds events of this page not yet handled. */
  private decided(batch: QueuedEntry<SdkEvent>[], body: EventsResponse | undefined): void {
    const log = this.options.log;
    const events = batch.map((entry) => entry.item);
    const decision = reconcileServerAnswer({
      ...this.page(),
      batch: events,
      display: body?.display,
      shownLocally: this.shownLocally(),
      synced: this.synced(),
    });
    for (const event of events) {
      this.live.delete(event.eventId);
      this.handledLocally.delete(event.eventId);
    }
    if (body?.degraded) {
      log.log({ reason: 'degraded', message: 'the server decided without Redis: caps and segments unknown' });
    }
    switch (decision.kind) {
      case 'stale':
        if (decision.display) {
          log.log({
            reason: 'stale_display',
            campaignId: decision.display.campaignId,
            message: 'not shown: its events come from an earlier page or were already handled offline',
          });
        }
        return;
      case 'duplicate':
        log.log({
          reason: 'duplicate',
          campaignId: decision.display.campaignId,
          message: 'the server chose it, but it was already shown offline in this session: not shown again',
        });
        return;
      case 'show':
        log.log({ reason: 'server_display', campaignId: decision.display.campaignId, message: 'the server chose it' });
        this.options.display.offer(fromDisplay(decision.display), decision.display.delaySeconds ?? 0, 'server');
        return;
      case 'none':
        for (const { event, fired, local } of decision.unanswered) {
          log.log({
            reason: local.length > 0 ? 'server_none' : 'trigger_mismatch',
            message:
              local.length > 0
                ? `${describe(event)}: the server answered no message although ${local.length} synced message(s) ` +
                  `match locally (caps, arbitration, schedule or targeting; the server's reasons follow in debug mode)`
                : `${describe(event)}: no synced message has this trigger; the server answered none`,
            data: { degraded: body?.degraded === true, local: local.map((m) => m.campaignId) },
          });
          if (this.options.debugMode) {
            void this.explain(event, fired);
          }
        }
    }
  }

  /**
   * Debug mode: asks the server why each campaign was not shown for this trigger (`GET /v1/sdk/explain`, which needs
   * an SDK key with the `DEBUG` scope) and logs one entry per campaign.
   */
  private async explain(event: SdkEvent, fired: FiredTrigger): Promise<void> {
    if (this.explainRefused) {
      return;
    }
    const trigger = fired.name ? `${fired.type}:${fired.name}` : fired.type;
    let answer: HttpAnswer;
    try {
      answer = await this.options.api.explain(this.options.identity(), this.options.context(), trigger);
    } catch {
      return;
    }
    if (answer.status === 401 || answer.status === 403) {
      if (this.explainRefused) {
        return; // another explanation in flight was refused first, and said so
      }
      this.explainRefused = true;
      this.options.log.log({
        reason: 'explain',
        message: 'the server does not explain to this SDK key: give it the DEBUG scope (development builds only)',
      });
      return;
    }
    const campaigns = (answer.body as { campaigns?: ExplainVerdict[] } | undefined)?.campaigns;
    if (answer.status !== 200 || !Array.isArray(campaigns)) {
      return;
    }
    for (const verdict of campaigns) {
      this.options.log.log({
        reason: 'explain',
        campaignId: verdict.campaignId,
        message: `${describe(event)}: "${verdict.name}" → ${verdict.reason}`,
        data: verdict,
      });
    }
  }

  /** The server could not decide: the events of this page not handled yet are evaluated on the synced set. */
  private fallBackLocally(batch: QueuedEntry<SdkEvent>[], refused = false): void {
    for (const event of unhandled(
      batch.map((entry) => entry.item),
      this.page(),
    )) {
      this.evaluateLocally(event, refused ? 'server refused (429/5xx)' : 'server unreachable', refused);
    }
  }

  /** The campaigns the synced set showed in this session (kept in storage: a reload does not reset the count). */
  private shownLocally(): string[] {
    const key = `local-shown:${this.options.identity().userId}`;
    return shownThisSession(this.options.store.read<ShownLocallyRecord>(key, {}), this.options.sessionId());
  }

  private markShownLocally(campaignId: string): void {
    const campaigns = [...this.shownLocally(), campaignId];
    const key = `local-shown:${this.options.identity().userId}`;
    this.options.store.write(key, { sessionId: this.options.sessionId(), campaigns });
  }

  private evaluateLocally(event: SdkEvent, why: string, refused = false): void {
    this.handledLocally.add(event.eventId);
    const log = this.options.log;
    const decision = reconcileLocally({
      event,
      refused,
      fallbackDisplay: this.options.fallbackDisplay,
      synced: this.synced(),
      shownLocally: this.shownLocally(),
    });
    switch (decision.kind) {
      case 'no_trigger':
        return;
      case 'caps_need_server':
        log.log({
          reason: 'dropped',
          message: `${describe(event)} (${why}): not shown from the synced set, whose caps need the server (fallbackDisplay: 'none')`,
        });
        return;
      case 'already_shown':
      case 'no_match':
        log.log({
          reason: 'trigger_mismatch',
          message:
            decision.kind === 'already_shown'
              ? `${describe(event)} (${why}): the matching synced messages were already shown offline this session`
              : `${describe(event)} (${why}): no synced message has this trigger`,
        });
        return;
      case 'show':
        this.markShownLocally(decision.message.campaignId);
        log.log({
          reason: 'offline_path',
          campaignId: decision.message.campaignId,
          message: `${describe(event)} (${why}): shown from the synced set, at most once this session (the server's caps unknown)`,
        });
        this.options.display.offer(decision.message, decision.delaySeconds, 'offline');
    }
  }
}

/** One campaign's verdict in the server's explanation. */
interface ExplainVerdict {
  campaignId: string;
  name: string;
  priority: number;
  /** `shown`, `eligible`, `cap:lifetime`, `segment`, `arbitration:<winner>`, `control_group`, … */
  reason: string;
}

function fromDisplay(display: Display): SdkMessage {
  return {
    campaignId: display.campaignId,
    version: display.version,
    variant: display.variant,
    locale: display.locale,
    triggers: display.trigger ? [display.trigger] : undefined,
    message: display.message,
  };
}

function describe(event: SdkEvent): string {
  return event.name ? `${event.type} "${event.name}"` : event.type;
}
