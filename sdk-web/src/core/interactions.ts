// Interaction logging: impressions, clicks, dismissals and survey answers of the messages and inbox cards, queued in
// storage with the user they belong to and sent in batches (`POST /v1/sdk/interactions`). The renderers' callbacks
// and headless mode's `logImpression`/`logClick`/… end here.
import type { Button, Interaction, SdkMessage } from '../model';
import type { InboxCard } from '../render/contract';
import type { Identity, SdkApi } from './api';
import { Backoff } from './backoff';
import type { DebugLog } from './debug';
import { batchOutcome } from './outcomes';
import { type BatchOutcome, PersistentQueue, type QueuedEntry } from './queue';
import type { SdkStore } from './storage';

export interface InteractionLogOptions {
  api: SdkApi;
  store: SdkStore;
  log: DebugLog;
  now: () => number;
  newId: () => string;
  random: () => number;
  flushDelayMs: number;
  identity: () => Identity;
  /** the locale now: recorded with each interaction, sent with its batch */
  locale: () => string | undefined;
  /** any SDK call: may start a new session */
  activity: () => void;
  /** tracks the event of a `LOG_EVENT` button */
  track: (name: string, properties: Record<string, unknown>) => void;
}

export type InteractionExtra = { buttonId?: string; answers?: Record<string, unknown> };

export class InteractionLog {
  private readonly queue: PersistentQueue<Interaction>;
  /** inbox cards whose impression was logged in this session */
  private readonly cardImpressions = new Set<string>();

  constructor(private readonly options: InteractionLogOptions) {
    this.queue = new PersistentQueue<Interaction>({
      name: 'interactions',
      store: options.store,
      log: options.log,
      flushDelayMs: options.flushDelayMs,
      now: options.now,
      backoff: new Backoff(1000, 30_000, options.random),
      send: (batch, keepalive) => this.send(batch, keepalive),
    });
  }

  /** A new session: the inbox cards' impressions are logged again. */
  newSession(): void {
    this.cardImpressions.clear();
  }

  clicked(message: SdkMessage, button: Button): void {
    this.interact('click', message, { buttonId: button.id });
    if (button.action === 'LOG_EVENT' && button.event) {
      this.options.track(button.event, { campaignId: message.campaignId, buttonId: button.id });
    }
    if (button.action === 'URL' || button.action === 'DEEP_LINK') {
      // the page is about to leave: send the click now, with keepalive, rather than after the batching delay
      this.queue.flushBeforeUnload();
    }
  }

  /** An inbox card became visible: logged once per card version and session. */
  cardImpression(card: InboxCard): void {
    const key = `${card.campaignId}:${card.version}`;
    if (!this.cardImpressions.has(key)) {
      this.cardImpressions.add(key);
      this.interact('impression', card);
    }
  }

  interact(type: Interaction['type'], message: SdkMessage, extra: InteractionExtra = {}): void {
    if (!message.campaignId) {
      this.options.log.log({
        reason: 'dropped',
        message: `${type} of a message without campaign (an inline send): not sent`,
      });
      return;
    }
    this.options.activity();
    const interaction: Interaction = {
      eventId: this.options.newId(),
      type,
      campaignId: message.campaignId,
      version: message.version,
      variant: message.variant,
      ...extra,
    };
    const { userId, userSignature } = this.options.identity();
    this.queue.enqueue(interaction, { userId, userSignature, locale: this.options.locale() });
  }

  flushNow(): Promise<void> {
    return this.queue.flushNow();
  }

  flushBeforeUnload(): void {
    this.queue.flushBeforeUnload();
  }

  stop(): void {
    this.queue.stop();
  }

  private async send(batch: QueuedEntry<Interaction>[], keepalive: boolean): Promise<BatchOutcome> {
    const group = batch[0].group;
    const answer = await this.options.api.interactions(
      { userId: group.userId, userSignature: group.userSignature },
      { locale: group.locale },
      batch.map((entry) => entry.item),
      keepalive,
    );
    return batchOutcome(answer, batch, 'interactions', this.options.now());
  }
}
