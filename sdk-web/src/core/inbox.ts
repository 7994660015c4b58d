// The card inbox: `GET /v1/sdk/inbox` kept in storage (the feed shows offline), drawn by the renderers into the
// app's container when it gave one. Read and archive marks are applied locally at once and kept in storage until the
// server confirmed them: sent at once, again before every refresh and when the browser is back online, and laid over
// the cards a refresh brings meanwhile (a card read offline does not come back unread).
import type { Button } from '../model';
import type { InboxCard, InboxOptions, Renderers } from '../render/contract';
import type { DeviceContext, Identity, SdkApi } from './api';
import type { DebugLog } from './debug';
import type { SdkStore } from './storage';

export interface InboxState {
  cards: InboxCard[];
  unread: number;
}

export interface InboxOptionsOfClient {
  api: SdkApi;
  store: SdkStore;
  log: DebugLog;
  renderers: Renderers;
  identity(): Identity;
  context(): DeviceContext;
  /** the app's feed element; nothing is drawn without one */
  container?: HTMLElement;
  render: Omit<InboxOptions, 'callbacks'>;
  impression(card: InboxCard): void;
  click(card: InboxCard, button: Button): void;
}

interface StoredInbox {
  userId: string;
  cards: InboxCard[];
}

/** A mark the server has not confirmed yet; it carries its user, who may have logged out since. */
interface PendingMark {
  identity: Identity;
  campaignId: string;
  mark: 'read' | 'archive';
}

export class Inbox {
  /** the marks being sent: one sender at a time, so that a mark is not sent twice at once */
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly options: InboxOptionsOfClient) {}

  state(): InboxState {
    const cards = this.cards();
    return { cards, unread: cards.filter((card) => !card.read).length };
  }

  async refresh(): Promise<InboxState> {
    await this.sendMarks();
    const identity = this.options.identity();
    try {
      const answer = await this.options.api.inbox(identity, this.options.context());
      const cards = (answer.body as { cards?: unknown } | undefined)?.cards;
      if (answer.status === 200 && Array.isArray(cards)) {
        this.save(this.withPendingMarks(cards as InboxCard[]));
      } else {
        this.options.log.log({ reason: 'sync', message: `inbox answered ${answer.status}; the stored cards are kept` });
      }
    } catch (error) {
      this.options.log.log({ reason: 'sync', message: `inbox not refreshed (${String(error)}); stored cards kept` });
    }
    this.draw();
    return this.state();
  }

  markRead(campaignId: string): Promise<void> {
    this.save(this.cards().map((card) => (card.campaignId === campaignId ? { ...card, read: true } : card)));
    this.draw();
    return this.keep({ identity: this.options.identity(), campaignId, mark: 'read' });
  }

  archive(campaignId: string): Promise<void> {
    this.save(this.cards().filter((card) => card.campaignId !== campaignId));
    this.draw();
    return this.keep({ identity: this.options.identity(), campaignId, mark: 'archive' });
  }

  /**
   * Sends the marks the server has not confirmed, oldest first. A mark leaves once answered (2xx; or another 4xx,
   * such as 404 for a card that is gone, which a retry would not change); it stays after a network error, 429 or 5xx,
   * and the marks after it wait with it.
   */
  sendMarks(): Promise<void> {
    const send = async (): Promise<void> => {
      for (const pending of this.pendingMarks()) {
        const { campaignId, mark } = pending;
        const log = (message: string) =>
          this.options.log.log({ reason: 'sync', message: `inbox ${mark} of ${campaignId} ${message}` });
        let status: number;
        try {
          status = (await this.options.api.markCard(pending.identity, campaignId, mark)).status;
        } catch (error) {
          log(`not sent (${String(error)}); kept`);
          return;
        }
        if (status === 429 || status >= 500) {
          log(`answered ${status}; kept`);
          return;
        }
        if (status >= 300) {
          log(`answered ${status}; dropped`);
        }
        this.options.store.write('inbox-marks', this.pendingMarks().filter((other) => !sameMark(other, pending)));
      }
    };
    // after the previous round whatever its end, so that one failure does not stop every later round
    this.sending = this.sending.then(send, send);
    return this.sending;
  }

  /** Draws the feed into the app's container (when there is one). */
  draw(): void {
    const container = this.options.container;
    if (!container) {
      return;
    }
    this.options.renderers.inbox(container, this.cards(), {
      ...this.options.render,
      callbacks: {
        impression: (card) => this.options.impression(card),
        read: (card) => void this.markRead(card.campaignId),
        archive: (card) => void this.archive(card.campaignId),
        click: (card, button) => {
          this.options.click(card, button);
          if (!card.read) {
            void this.markRead(card.campaignId);
          }
        },
      },
    });
  }

  clear(): void {
    this.options.store.remove('inbox');
    this.draw();
  }

  private keep(mark: PendingMark): Promise<void> {
    this.options.store.write('inbox-marks', [...this.pendingMarks().filter((other) => !sameMark(other, mark)), mark]);
    return this.sendMarks();
  }

  private pendingMarks(): PendingMark[] {
    return this.options.store.read<PendingMark[]>('inbox-marks', []);
  }

  /** The current user's marks the server has not confirmed yet, laid over the cards it answered. */
  private withPendingMarks(cards: InboxCard[]): InboxCard[] {
    const userId = this.options.identity().userId;
    const mine = this.pendingMarks().filter((pending) => pending.identity.userId === userId);
    const archived = new Set(mine.filter((m) => m.mark === 'archive').map((m) => m.campaignId));
    const read = new Set(mine.filter((m) => m.mark === 'read').map((m) => m.campaignId));
    return cards
      .filter((card) => !archived.has(card.campaignId))
      .map((card) => (read.has(card.campaignId) ? { ...card, read: true } : card));
  }

  private cards(): InboxCard[] {
    const stored = this.options.store.read<StoredInbox | undefined>('inbox', undefined);
    return stored && stored.userId === this.options.identity().userId ? stored.cards : [];
  }

  private save(cards: InboxCard[]): void {
    this.options.store.write('inbox', { userId: this.options.identity().userId, cards } satisfies StoredInbox);
  }
}

function sameMark(a: PendingMark, b: PendingMark): boolean {
  return a.identity.userId === b.identity.userId && a.campaignId === b.campaignId && a.mark === b.mark;
}
