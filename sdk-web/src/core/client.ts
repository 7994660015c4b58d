// The SDK client: the public API of one user at a time, wired from its parts: sync (sync.ts), sessions
// (session.ts), the events and who decides what shows (decisions.ts, rules in reconcile.ts), interaction logging
// (interactions.ts), the stream (stream-handler.ts), what is on screen (display.ts) and the inbox (inbox.ts).
// `Marquee.init` (src/marquee.ts, or src/headless.ts without renderers) builds it; tests build it with their own
// renderers, fetch and storage.
import type { Button, Interaction, SdkEvent, SdkMessage } from '../model';
import type { RenderLabels, Renderers } from '../render/contract';
import { type DeviceContext, type FetchLike, type Identity, SdkApi } from './api';
import { Backoff } from './backoff';
import { StreamClaims } from './claims';
import { type DebugListener, DebugLog } from './debug';
import { EventDecisions } from './decisions';
import { DisplayController } from './display';
import { Inbox, type InboxState } from './inbox';
import { InteractionLog, type InteractionExtra } from './interactions';
import { isAllowedLink } from './links';
import { PersistentQueue } from './queue';
import { Session } from './session';
import { browserStorage, type KeyValueStorage, SdkStore } from './storage';
import type { MessageStream } from './stream';
import { openUserStream } from './stream-handler';
import { MessageSync } from './sync';

export interface MarqueeConfig {
  /** the app's SDK key (`X-Marquee-Key`) */
  sdkKey: string;
  /** the signed-in user; absent: an anonymous id kept in storage until `identify` names the user */
  userId?: string;
  /** hex HMAC-SHA256 of `userId` from the app's backend, when the app verifies identities */
  userSignature?: string;
  /** the gateway's URL, e.g. `https://marquee.example.com` */
  baseUrl: string;
  /** BCP 47; default `navigator.language` */
  locale?: string;
  /** 'auto' (default) follows `prefers-color-scheme` */
  theme?: 'light' | 'dark' | 'auto';
  /**
   * Narrows the app's link schemes (without ':', e.g. ['demoshop']): a link is https or a scheme the app declares in
   * its settings (the sync answer's `linkSchemes`) and, when this is given, also listed here. It cannot add one.
   */
  deepLinkSchemes?: string[];
  /**
   * What the synced set may show when the server answers an event batch with 429 or 5xx (it could not apply the
   * campaigns' caps): 'none' (default; the server's caps are never skipped) or 'session-caps' (each campaign at most
   * once per session, counted in this browser's storage). Offline (no answer at all) the synced set shows each
   * campaign at most once per session, as before.
   */
  fallbackDisplay?: 'none' | 'session-caps';
  /** HTML messages are shown (in a sandboxed iframe) only when true */
  allowHtml?: boolean;
  /** where the card feed is drawn */
  inbox?: HTMLElement;
  /** headless mode: the SDK renders nothing, the app shows the message and calls logImpression/logClick/logDismiss */
  onMessage?: (message: SdkMessage) => void;
  /** logs why each message was or was not shown (console.info, prefix `[marquee]`) */
  debug?: boolean;
  /** default localStorage (memory when the browser refuses it) */
  storage?: KeyValueStorage;
  /** the SDK's own words (Close, Next, Thank you!, …) in the app's language; English by default */
  labels?: Partial<RenderLabels>;
}

/** What the client is built from; tests pass their own. */
export interface ClientDependencies {
  renderers: Renderers;
  fetch?: FetchLike;
  newId?: () => string;
  now?: () => number;
  random?: () => number;
  /** opens a link the policy allowed; default `location.assign` */
  navigate?: (url: string) => void;
  /** the console of debug mode */
  console?: (line: string, data?: unknown) => void;
  /** the batching delay of the queues (ms) */
  flushDelayMs?: number;
}

type NewEvent = Omit<SdkEvent, 'eventId' | 'occurredAt'>;

export class MarqueeClient {
  private readonly store: SdkStore;
  private readonly log: DebugLog;
  private readonly api: SdkApi;
  private readonly newId: () => string;
  private readonly now: () => number;
  private readonly session: Session;
  private readonly sync: MessageSync;
  private readonly display: DisplayController;
  private readonly inboxFeed: Inbox;
  /** which tab of this browser shows a message the server sent */
  private readonly claims: StreamClaims;
  private readonly events: PersistentQueue<SdkEvent>;
  private readonly decisions: EventDecisions;
  private readonly interactions: InteractionLog;
  private readonly backoffRandom: () => number;
  private stream: MessageStream | undefined;
  private identity: Identity;
  private anonymous: boolean;
  private closed = false;
  private readonly listeners: [EventTarget, string, EventListener][] = [];

  constructor(
    private readonly config: MarqueeConfig,
    deps: ClientDependencies,
  ) {
    for (const field of ['sdkKey', 'baseUrl'] as const) {
      if (typeof config[field] !== 'string' || config[field].trim() === '') {
        throw new TypeError(`Marquee.init: ${field} is required`);
      }
    }
    this.store = new SdkStore(config.storage ?? browserStorage());
    this.claims = new StreamClaims({
      store: this.store,
      visible: () => globalThis.document?.visibilityState !== 'hidden',
      locks: globalThis.navigator?.locks,
    });
    this.log = new DebugLog(config.debug === true, deps.console);
    const fetcher = deps.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
    this.api = new SdkApi(config.baseUrl, config.sdkKey, fetcher);
    this.newId = deps.newId ?? uuid;
    this.now = deps.now ?? Date.now;
    this.backoffRandom = deps.random ?? Math.random;
    if (config.userId) {
      this.identity = { userId: config.userId, userSignature: config.userSignature };
      this.anonymous = false;
    } else {
      this.identity = { userId: this.anonymousId() };
      this.anonymous = true;
    }
    this.session = new Session(this.store, this.newId, this.now);
    this.sync = new MessageSync(this.api, this.store, this.log, this.now);
    const navigate = deps.navigate ?? ((url: string) => globalThis.location.assign(url));
    const linkSchemes = () => this.linkSchemes();
    const render = {
      colorScheme: config.theme ?? 'auto',
      // read when a message is shown: the schemes of the latest sync
      get deepLinkSchemes() {
        return linkSchemes();
      },
      allowHtml: config.allowHtml === true,
      labels: config.labels,
      navigate: (url: string) => {
        if (isAllowedLink(url, this.linkSchemes())) {
          navigate(url);
        } else {
          this.log.log({ reason: 'dropped', message: `link refused by the link policy: ${url}` });
        }
      },
    } as const;
    this.display = new DisplayController({
      renderers: deps.renderers,
      render,
      log: this.log,
      onMessage: config.onMessage,
      card: () => void this.refreshInbox(),
      sink: {
        impression: (m) => this.interact('impression', m),
        click: (m, button) => this.clicked(m, button),
        dismiss: (m) => this.interact('dismiss', m),
        answer: (m, answers) => this.interact('survey_answer', m, { answers }),
      },
    });
    this.inboxFeed = new Inbox({
      api: this.api,
      store: this.store,
      log: this.log,
      renderers: deps.renderers,
      identity: () => this.identity,
      context: () => this.context(),
      container: config.inbox,
      render,
      impression: (card) => this.interactions.cardImpression(card),
      click: (card, button) => this.clicked(card, button),
    });
    const flushDelayMs = deps.flushDelayMs ?? 250;
    this.decisions = new EventDecisions({
      api: this.api,
      store: this.store,
      log: this.log,
      display: this.display,
      sync: this.sync,
      now: this.now,
      debugMode: config.debug === true,
      fallbackDisplay: config.fallbackDisplay,
      identity: () => this.identity,
      sessionId: () => this.session.id,
      context: () => this.context(),
    });
    this.events = new PersistentQueue<SdkEvent>({
      name: 'events',
      store: this.store,
      log: this.log,
      flushDelayMs,
      now: this.now,
      backoff: new Backoff(1000, 30_000, this.backoffRandom),
      send: (batch, keepalive) => this.decisions.send(batch, keepalive),
    });
    this.interactions = new InteractionLog({
      api: this.api,
      store: this.store,
      log: this.log,
      now: this.now,
      newId: this.newId,
      random: this.backoffRandom,
      flushDelayMs,
      identity: () => this.identity,
      locale: () => this.context().locale,
      activity: () => this.activity(),
      track: (name, properties) => this.track(name, properties),
    });
  }

  /** Starts the session (sync, `session_start` and `app_open`), the stream and the page listeners. */
  async start(): Promise<void> {
    this.listen();
    await this.beginSession(true);
    this.openStream();
    // whatever an earlier page left in the queues
    void this.events.flushNow();
    void this.interactions.flushNow();
  }

  get userId(): string {
    return this.identity.userId;
  }

  get sessionId(): string {
    return this.session.id;
  }

  track(name: string, properties?: Record<string, unknown>): void {
    this.record({ type: 'track', name, properties });
  }

  screen(name: string): void {
    this.record({ type: 'screen_view', name });
  }

  purchase(properties?: Record<string, unknown>): void {
    this.record({ type: 'purchase', properties });
  }

  /**
   * Sends the user's attributes. With `user` naming another user than the current one, the SDK switches to that user
   * (sync, inbox, stream); when the current user was anonymous the `identify` event carries the anonymous id so the
   * server can merge the two.
   */
  identify(attributes: Record<string, unknown>, user?: { userId: string; userSignature?: string }): void {
    if (!user || user.userId === this.identity.userId) {
      if (user?.userSignature) {
        this.identity = { userId: this.identity.userId, userSignature: user.userSignature };
      }
      this.record({ type: 'identify', attributes });
      return;
    }
    const previous = this.identity.userId;
    const wasAnonymous = this.anonymous;
    this.switchUser({ userId: user.userId, userSignature: user.userSignature }, false);
    this.record({ type: 'identify', attributes, anonymousId: wasAnonymous ? previous : undefined });
    void this.afterUserChange();
  }

  /**
   * Forgets the user: what is on screen, the synced set, the inbox and the stream; the queued events, interactions
   * and inbox marks are kept (each carries its user) and sent. A new anonymous id and a new session follow.
   */
  async reset(): Promise<void> {
    void this.events.flushNow();
    void this.interactions.flushNow();
    this.store.remove('anonymousId');
    this.switchUser({ userId: this.anonymousId() }, true);
    await this.afterUserChange();
  }

  /** Nothing new is shown until `resume()`; the most recent message that arrived meanwhile is shown then. */
  pause(): void {
    this.display.pause();
  }

  resume(): void {
    this.display.resume();
  }

  // Headless mode: the app reports what it did with a message it got in `onMessage`.

  logImpression(message: SdkMessage): void {
    this.interact('impression', message);
  }

  logClick(message: SdkMessage, button: Button | string): void {
    const known = typeof button === 'string' ? message.message.buttons?.find((b) => b.id === button) : button;
    const found = known ?? { id: button as string, label: button as string, action: 'URL' as const };
    this.clicked(message, found);
  }

  logDismiss(message: SdkMessage): void {
    this.interact('dismiss', message);
  }

  logAnswer(message: SdkMessage, answers: Record<string, unknown>): void {
    this.interact('survey_answer', message, { answers });
  }

  /** The inbox as last fetched (kept in storage: available offline). */
  inbox(): InboxState {
    return this.inboxFeed.state();
  }

  refreshInbox(): Promise<InboxState> {
    return this.inboxFeed.refresh();
  }

  markRead(campaignId: string): Promise<void> {
    this.activity();
    return this.inboxFeed.markRead(campaignId);
  }

  archive(campaignId: string): Promise<void> {
    this.activity();
    return this.inboxFeed.archive(campaignId);
  }

  /** `debug`: why each message was or was not shown, and what the transport did. Returns the unsubscribe. */
  on(event: 'debug', listener: DebugListener): () => void {
    if (event !== 'debug') {
      throw new Error(`unknown event ${String(event)}: only 'debug'`);
    }
    return this.log.on(listener);
  }

  /** Stops the stream, the timers and the page listeners; what is queued stays stored for the next page. */
  close(): void {
    this.closed = true;
    this.stream?.stop();
    this.events.stop();
    this.interactions.stop();
    this.display.clear();
    for (const [target, type, listener] of this.listeners) {
      target.removeEventListener(type, listener);
    }
    this.listeners.length = 0;
  }

  // --- sessions and users

  private async beginSession(appOpen: boolean): Promise<void> {
    this.interactions.newSession();
    this.log.log({ reason: 'session_start', message: `session ${this.session.id}` });
    await this.sync.sync(this.identity, this.context());
    this.record({ type: 'session_start' }, false);
    if (appOpen) {
      this.record({ type: 'app_open' }, false);
    }
    void this.inboxFeed.refresh();
  }

  /** Any SDK call: a new session after 30 minutes without one. */
  private activity(): void {
    if (this.session.touch()) {
      void this.beginSession(false);
    }
  }

  private switchUser(identity: Identity, anonymous: boolean): void {
    this.display.clear();
    this.stream?.stop();
    this.stream = undefined;
    this.sync.clear();
    this.inboxFeed.clear();
    this.claims.clear();
    this.identity = identity;
    this.anonymous = anonymous;
    this.session.restart();
  }

  private async afterUserChange(): Promise<void> {
    await this.beginSession(false);
    this.openStream();
  }

  /** https plus these: the app's declared schemes (server), narrowed by the init option when one is given */
  private linkSchemes(): string[] {
    const declared = this.sync.linkSchemes(this.identity.userId);
    const narrowed = this.config.deepLinkSchemes;
    if (!narrowed) {
      return declared;
    }
    const wanted = new Set(narrowed.map((s) => s.replace(/:$/, '').toLowerCase()));
    return declared.filter((s) => wanted.has(s.replace(/:$/, '').toLowerCase()));
  }

  private anonymousId(): string {
    let id = this.store.read<string | undefined>('anonymousId', undefined);
    if (!id) {
      id = `anon-${this.newId()}`;
      this.store.write('anonymousId', id);
    }
    return id;
  }

  private context(): DeviceContext {
    return {
      locale: this.config.locale ?? globalThis.navigator?.language,
      timeZone: timeZone(),
      sessionId: this.session.id,
    };
  }

  // --- events and decisions

  private record(event: NewEvent, touch = true): void {
    if (this.closed) {
      this.log.log({ reason: 'dropped', message: `${event.type} after close(): not recorded` });
      return;
    }
    if (touch) {
      this.activity();
    }
    const full: SdkEvent = { ...event, eventId: this.newId(), occurredAt: new Date(this.now()).toISOString() };
    this.decisions.recorded(full);
    const { userId, userSignature } = this.identity;
    const { sessionId, locale, timeZone: zone } = this.context();
    this.events.enqueue(full, { userId, userSignature, sessionId, locale, timeZone: zone });
  }

  // --- interactions

  private clicked(message: SdkMessage, button: Button): void {
    this.interactions.clicked(message, button);
  }

  private interact(type: Interaction['type'], message: SdkMessage, extra?: InteractionExtra): void {
    this.interactions.interact(type, message, extra);
  }

  // --- stream and page lifecycle

  private openStream(): void {
    if (this.closed) {
      return;
    }
    this.stream = openUserStream({
      api: this.api,
      store: this.store,
      log: this.log,
      now: this.now,
      random: this.backoffRandom,
      display: this.display,
      claims: this.claims,
      identity: this.identity,
      locale: () => this.context().locale,
      resync: () => {
        void this.sync.sync(this.identity, this.context());
        void this.inboxFeed.refresh();
      },
    });
  }

  private listen(): void {
    const win = globalThis.window as Window | undefined;
    const doc = globalThis.document as Document | undefined;
    if (win) {
      this.addListener(win, 'online', () => {
        this.decisions.backOnline();
        void this.events.flushNow();
        void this.interactions.flushNow();
        void this.inboxFeed.sendMarks();
        this.stream?.reconnectNow();
      });
      this.addListener(win, 'pagehide', () => this.flushBeforeUnload());
    }
    if (doc) {
      this.addListener(doc, 'visibilitychange', () => {
        if (doc.visibilityState === 'hidden') {
          this.flushBeforeUnload();
        } else {
          this.activity();
          this.claims.shown();
        }
      });
    }
  }

  private flushBeforeUnload(): void {
    this.events.flushBeforeUnload();
    this.interactions.flushBeforeUnload();
  }

  private addListener(target: EventTarget, type: string, listener: EventListener): void {
    target.addEventListener(type, listener);
    this.listeners.push([target, type, listener]);
  }
}

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function uuid(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
