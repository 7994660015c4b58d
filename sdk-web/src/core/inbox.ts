// The card inbox: `GET /v1/sdk/inbox` kept in storage (the feed shows offline), drawn by the renderers into the
// app's container when it gave one. Read and archive marks are applied locally at once and sent to the server; a
// mark the server did not get (offline) is lost at the next refresh (the card comes back unread).
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

export class Inbox {
  constructor(private readonly options: InboxOptionsOfClient) {}

  state(): InboxState {
    const cards = this.cards();
    return { cards, unread: cards.filter((card) => !card.read).length };
  }

  async refresh(): Promise<InboxState> {
    const identity = this.options.identity();
    try {
      const answer = await this.options.api.inbox(identity, this.options.context());
      const cards = (answer.body as { cards?: unknown } | undefined)?.cards;
      if (answer.status === 200 && Array.isArray(cards)) {
        this.save(cards as InboxCard[]);
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
    return this.send(campaignId, 'read');
  }

  archive(campaignId: string): Promise<void> {
    this.save(this.cards().filter((card) => card.campaignId !== campaignId));
    this.draw();
    return this.send(campaignId, 'archive');
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

  private async send(campaignId: string, mark: 'read' | 'archive'): Promise<void> {
    try {
      const answer = await this.options.api.markCard(this.options.identity(), campaignId, mark);
      if (answer.status >= 300) {
        this.options.log.log({ reason: 'sync', message: `inbox ${mark} of ${campaignId} answered ${answer.status}` });
      }
    } catch (error) {
      this.options.log.log({ reason: 'sync', message: `inbox ${mark} of ${campaignId} not sent (${String(error)})` });
    }
  }

  private cards(): InboxCard[] {
    const stored = this.options.store.read<StoredInbox | undefined>('inbox', undefined);
    return stored && stored.userId === this.options.identity().userId ? stored.cards : [];
  }

  private save(cards: InboxCard[]): void {
    this.options.store.write('inbox', { userId: this.options.identity().userId, cards } satisfies StoredInbox);
  }
}
