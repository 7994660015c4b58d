// A fake delivery-service behind the fake fetch, answering like the real one (see delivery-service/README.md), and a
// client built on it with recording renderers.
import { type ClientDependencies, MarqueeClient, type MarqueeConfig } from '../../src/core/client';
import type { DebugEntry } from '../../src/core/debug';
import { MemoryStorage } from '../../src/core/storage';
import type { Display, Interaction, SdkEvent, SdkMessage } from '../../src/model';
import type { InboxCard } from '../../src/render/contract';
import { FakeRenderers, FakeServer, json, type Recorded, type SseFeed } from './fakes';

export class FakeDelivery {
  messages: SdkMessage[] = [];
  /** the sync answer's `linkSchemes` (the app's declared schemes); undefined: the field is left out */
  linkSchemes?: string[];
  etag = '"v1"';
  cards: InboxCard[] = [];
  /** the server's decision for a batch of events (none by default) */
  decide: (events: SdkEvent[]) => Display | undefined = () => undefined;
  /** the status of `POST /v1/sdk/events`: 429 or 503 refuse the batch (rate limit, outage) */
  eventsStatus = 200;
  /** true: every request fails as if offline */
  offline = false;
  /** the answer to an inbox mark; a 2xx applies it to `cards` as the server would */
  markStatus = 204;
  /** `GET /v1/sdk/explain`: 403 (a key without the DEBUG scope) unless a test sets verdicts */
  verdicts: { campaignId: string; name: string; priority: number; reason: string }[] | undefined;
  readonly explained: string[] = [];
  readonly streams: SseFeed[] = [];
  /** what the server accepted (not the attempts that failed) */
  readonly acceptedEvents: SdkEvent[] = [];
  readonly acceptedInteractions: Interaction[] = [];
  readonly server: FakeServer;

  constructor() {
    this.server = new FakeServer((request) => this.answer(request));
  }

  private answer(request: Recorded): Response {
    if (this.offline) {
      throw new TypeError('Failed to fetch');
    }
    switch (`${request.method} ${request.path}`) {
      case 'GET /v1/sdk/messages':
        if (request.headers['if-none-match'] === this.etag) {
          return json(304, null, { ETag: this.etag });
        }
        return json(200, { userId: request.url.searchParams.get('userId'), messages: this.messages, degraded: false, linkSchemes: this.linkSchemes }, {
          ETag: this.etag,
        });
      case 'POST /v1/sdk/events': {
        if (this.eventsStatus !== 200) {
          return json(this.eventsStatus, { title: 'refused', status: this.eventsStatus }, { 'Retry-After': '30' });
        }
        const events = request.body.events as SdkEvent[];
        this.acceptedEvents.push(...events);
        const display = this.decide(events);
        return json(200, {
          accepted: events.length,
          rejected: 0,
          results: events.map((e, index) => ({ index, eventId: e.eventId, status: 'accepted' })),
          ...(display ? { display } : {}),
          degraded: false,
        });
      }
      case 'POST /v1/sdk/interactions':
        this.acceptedInteractions.push(...request.body.interactions);
        return json(200, {
          results: request.body.interactions.map((i: { eventId: string }, index: number) => ({
            index,
            eventId: i.eventId,
            status: 'accepted',
          })),
        });
      case 'GET /v1/sdk/explain':
        this.explained.push(request.url.searchParams.get('trigger') ?? '');
        return this.verdicts
          ? json(200, { userId: request.url.searchParams.get('userId'), degraded: false, campaigns: this.verdicts })
          : json(403, { title: 'Forbidden', status: 403, detail: 'The SDK key lacks the debug scope.' });
      case 'GET /v1/sdk/inbox':
        return json(200, { userId: request.url.searchParams.get('userId'), cards: this.cards });
      case 'GET /v1/sdk/stream': {
        const feed = this.server.openStream(request);
        this.streams.push(feed);
        return feed.response;
      }
      default:
        if (request.path.startsWith('/v1/sdk/inbox/')) {
          const [campaignId, mark] = request.path.slice('/v1/sdk/inbox/'.length).split('/');
          if (this.markStatus < 300) {
            this.cards = mark === 'archive'
              ? this.cards.filter((card) => card.campaignId !== campaignId)
              : this.cards.map((card) => (card.campaignId === campaignId ? { ...card, read: true } : card));
            return new Response(null, { status: this.markStatus });
          }
          return json(this.markStatus, { title: 'Unavailable', status: this.markStatus });
        }
        return json(404, { title: 'Not Found', status: 404 });
    }
  }
}

export function display(message: SdkMessage, delaySeconds = 0): Display {
  return { ...message, trigger: message.triggers?.[0], delaySeconds };
}

export interface Harness {
  client: MarqueeClient;
  renderers: FakeRenderers;
  debug: DebugEntry[];
}

let ids = 0;

/** A started client on the fake delivery; `storage` lets a test "reload" the page on the same storage. */
export async function startClient(
  delivery: FakeDelivery,
  config: Partial<MarqueeConfig> = {},
  storage = new MemoryStorage(),
  deps: Partial<ClientDependencies> = {},
): Promise<Harness> {
  const renderers = new FakeRenderers();
  const debug: DebugEntry[] = [];
  const client = new MarqueeClient(
    { sdkKey: 'sdk-key', userId: 'u1', baseUrl: 'https://edge.example/', locale: 'en', storage, ...config },
    {
      renderers,
      fetch: delivery.server.fetch,
      newId: () => `id-${++ids}`,
      flushDelayMs: 0,
      random: () => 1,
      navigate: () => undefined,
      ...deps,
    },
  );
  client.on('debug', (entry) => debug.push(entry));
  await client.start();
  return { client, renderers, debug };
}
