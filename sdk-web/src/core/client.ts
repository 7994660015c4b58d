// The SDK client: sync, local triggers, the server's decisions, the stream, the tracking and interaction queues and
// what is on screen, for one user at a time. `Marquee.init` (src/marquee.ts) builds it with the real renderers;
// tests build it with their own renderers, fetch and storage.
import type { Button, Display, EventsResponse, Interaction, SdkEvent, SdkMessage } from '../model';
import type { InboxCard, RenderLabels, Renderers } from '../render/contract';
import { type DeviceContext, type FetchLike, type HttpAnswer, type Identity, SdkApi } from './api';
import { Backoff } from './backoff';
import { StreamClaims } from './claims';
import { type DebugListener, DebugLog } from './debug';
import { DisplayController } from './display';
import { Inbox, type InboxState } from './inbox';
import { isAllowedLink } from './links';
import { batchOutcome } from './outcomes';
import { type BatchOutcome, PersistentQueue, type QueuedEntry } from './queue';
import { Session } from './session';
import { browserStorage, type KeyValueStorage, SdkStore } from './storage';
import { MessageStream } from './stream';
import { MessageSync } from './sync';
import { type FiredTrigger, firedBy, matchingMessages } from './triggers';

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
  private readonly debugMode: boolean;
  /** the server refused an explanation once (no DEBUG scope): not asked again */
  private explainRefused = false;
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
  private readonly interactions: PersistentQueue<Interaction>;
  private readonly backoffRandom: () => number;
  private stream: MessageStream | undefined;
  private identity: Identity;
  private anonymous: boolean;
  /** events of this page not settled yet: a server display is shown only for these */
  private readonly live = new Set<string>();
  /** events already evaluated on the offline path */
  private readonly handledLocally = new Set<string>();
  /** campaigns shown offline in this session: at most once each (the server's caps cannot be checked) */
  /** inbox cards whose impression was logged in this session */
  private readonly cardImpressions = new Set<string>();
  private serverUnreachable = false;
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
    this.debugMode = config.debug === true;
    this.log = new DebugLog(this.debugMode, deps.console);
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
      impression: (card) => this.cardImpression(card),
      click: (card, button) => this.clicked(card, button),
    });
    const flushDelayMs = deps.flushDelayMs ?? 250;
    this.events = new PersistentQueue<SdkEvent>({
      name: 'events',
      store: this.store,
      log: this.log,
      flushDelayMs,
      now: this.now,
      backoff: new Backoff(1000, 30_000, this.backoffRandom),
      send: (batch, keepalive) => this.sendEvents(batch, keepalive),
    });
    this.interactions = new PersistentQueue<Interaction>({
      name: 'interactions',
      store: this.store,
      log: this.log,
      flushDelayMs,
      now: this.now,
      backoff: new Backoff(1000, 30_000, this.backoffRandom),
      send: (batch, keepalive) => this.sendInteractions(batch, keepalive),
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
    this.cardImpressions.clear();
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
    this.live.add(full.eventId);
    if (!this.online()) {
      this.evaluateLocally(full, 'offline');
    }
    const { userId, userSignature } = this.identity;
    const { sessionId, locale, timeZone: zone } = this.context();
    this.events.enqueue(full, { userId, userSignature, sessionId, locale, timeZone: zone });
  }

  private online(): boolean {
    return globalThis.navigator?.onLine !== false && !this.serverUnreachable;
  }

  private async sendEvents(batch: QueuedEntry<SdkEvent>[], keepalive: boolean): Promise<BatchOutcome> {
    const group = batch[0].group;
    const identity = { userId: group.userId, userSignature: group.userSignature };
    const context = { sessionId: group.sessionId, locale: group.locale, timeZone: group.timeZone };
    let answer;
    try {
      answer = await this.api.events(
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
    const outcome = batchOutcome(answer, batch, 'events', this.now());
    this.serverUnreachable = outcome.kind === 'retry';
    if (outcome.kind === 'delivered') {
      this.decided(batch, answer.body as EventsResponse | undefined);
    } else if (outcome.kind === 'retry') {
      this.fallBackLocally(batch, answer.status === 429 || answer.status >= 500);
    }
    return outcome;
  }

  /** The server decided the batch: its `display` is shown when the batch holds events of this page not yet handled. */
  private decided(batch: QueuedEntry<SdkEvent>[], body: EventsResponse | undefined): void {
    const fresh = batch.filter((e) => this.live.has(e.item.eventId) && !this.handledLocally.has(e.item.eventId));
    for (const entry of batch) {
      this.live.delete(entry.item.eventId);
      this.handledLocally.delete(entry.item.eventId);
    }
    if (body?.degraded) {
      this.log.log({ reason: 'degraded', message: 'the server decided without Redis: caps and segments unknown' });
    }
    const display = body?.display;
    if (fresh.length === 0) {
      if (display) {
        this.log.log({
          reason: 'stale_display',
          campaignId: display.campaignId,
          message: 'not shown: its events come from an earlier page or were already handled offline',
        });
      }
      return;
    }
    if (display && this.shownLocally().includes(display.campaignId)) {
      this.log.log({
        reason: 'duplicate',
        campaignId: display.campaignId,
        message: 'the server chose it, but it was already shown offline in this session: not shown again',
      });
      return;
    }
    if (display) {
      this.log.log({ reason: 'server_display', campaignId: display.campaignId, message: 'the server chose it' });
      this.display.offer(fromDisplay(display), display.delaySeconds ?? 0, 'server');
      return;
    }
    for (const entry of fresh) {
      const fired = firedBy(entry.item);
      if (!fired) {
        continue;
      }
      const local = matchingMessages(this.sync.messages(this.identity.userId), fired);
      this.log.log({
        reason: local.length > 0 ? 'server_none' : 'trigger_mismatch',
        message:
          local.length > 0
            ? `${describe(entry.item)}: the server answered no message although ${local.length} synced message(s) ` +
              `match locally (caps, arbitration, schedule or targeting; the server's reasons follow in debug mode)`
            : `${describe(entry.item)}: no synced message has this trigger; the server answered none`,
        data: { degraded: body?.degraded === true, local: local.map((m) => m.message.campaignId) },
      });
      if (this.debugMode) {
        void this.explain(entry.item, fired);
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
      answer = await this.api.explain(this.identity, this.context(), trigger);
    } catch {
      return;
    }
    if (answer.status === 401 || answer.status === 403) {
      if (this.explainRefused) {
        return; // another explanation in flight was refused first, and said so
      }
      this.explainRefused = true;
      this.log.log({
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
      this.log.log({
        reason: 'explain',
        campaignId: verdict.campaignId,
        message: `${describe(event)}: "${verdict.name}" → ${verdict.reason}`,
        data: verdict,
      });
    }
  }

  /** The server could not decide: the events of this page not handled yet are evaluated on the synced set. */
  private fallBackLocally(batch: QueuedEntry<SdkEvent>[], refused = false): void {
    for (const entry of batch) {
      if (this.live.has(entry.item.eventId) && !this.handledLocally.has(entry.item.eventId)) {
        this.evaluateLocally(entry.item, refused ? 'server refused (429/5xx)' : 'server unreachable', refused);
      }
    }
  }

  /** The campaigns the synced set showed in this session (kept in storage: a reload does not reset the count). */
  private shownLocally(): string[] {
    const stored = this.store.read<{ sessionId?: string; campaigns?: string[] }>(`local-shown:${this.identity.userId}`, {});
    return stored.sessionId === this.session.id && Array.isArray(stored.campaigns) ? stored.campaigns : [];
  }

  private markShownLocally(campaignId: string): void {
    const campaigns = [...this.shownLocally(), campaignId];
    this.store.write(`local-shown:${this.identity.userId}`, { sessionId: this.session.id, campaigns });
  }

  private evaluateLocally(event: SdkEvent, why: string, refused = false): void {
    this.handledLocally.add(event.eventId);
    const fired = firedBy(event);
    if (!fired) {
      return;
    }
    if (refused && this.config.fallbackDisplay !== 'session-caps') {
      // a client that provokes 429s must not switch the campaigns' caps off: without the server, nothing shows
      this.log.log({
        reason: 'dropped',
        message: `${describe(event)} (${why}): not shown from the synced set, whose caps need the server (fallbackDisplay: 'none')`,
      });
      return;
    }
    const matches = matchingMessages(this.sync.messages(this.identity.userId), fired);
    const shown = this.shownLocally();
    const match = matches.find((m) => !shown.includes(m.message.campaignId));
    if (!match) {
      this.log.log({
        reason: 'trigger_mismatch',
        message:
          matches.length > 0
            ? `${describe(event)} (${why}): the matching synced messages were already shown offline this session`
            : `${describe(event)} (${why}): no synced message has this trigger`,
      });
      return;
    }
    this.markShownLocally(match.message.campaignId);
    this.log.log({
      reason: 'offline_path',
      campaignId: match.message.campaignId,
      message: `${describe(event)} (${why}): shown from the synced set, at most once this session (the server's caps unknown)`,
    });
    this.display.offer(match.message, match.trigger.delaySeconds ?? 0, 'offline');
  }

  // --- interactions

  private clicked(message: SdkMessage, button: Button): void {
    this.interact('click', message, { buttonId: button.id });
    if (button.action === 'LOG_EVENT' && button.event) {
      this.track(button.event, { campaignId: message.campaignId, buttonId: button.id });
    }
    if (button.action === 'URL' || button.action === 'DEEP_LINK') {
      // the page is about to leave: send the click now, with keepalive, rather than after the batching delay
      this.interactions.flushBeforeUnload();
    }
  }

  private cardImpression(card: InboxCard): void {
    const key = `${card.campaignId}:${card.version}`;
    if (!this.cardImpressions.has(key)) {
      this.cardImpressions.add(key);
      this.interact('impression', card);
    }
  }

  private interact(
    type: Interaction['type'],
    message: SdkMessage,
    extra: { buttonId?: string; answers?: Record<string, unknown> } = {},
  ): void {
    if (!message.campaignId) {
      this.log.log({ reason: 'dropped', message: `${type} of a message without campaign (an inline send): not sent` });
      return;
    }
    this.activity();
    const interaction: Interaction = {
      eventId: this.newId(),
      type,
      campaignId: message.campaignId,
      version: message.version,
      variant: message.variant,
      ...extra,
    };
    const { userId, userSignature } = this.identity;
    this.interactions.enqueue(interaction, { userId, userSignature });
  }

  private async sendInteractions(batch: QueuedEntry<Interaction>[], keepalive: boolean): Promise<BatchOutcome> {
    const group = batch[0].group;
    const answer = await this.api.interactions(
      { userId: group.userId, userSignature: group.userSignature },
      batch.map((entry) => entry.item),
      keepalive,
    );
    return batchOutcome(answer, batch, 'interactions', this.now());
  }

  // --- stream and page lifecycle

  private openStream(): void {
    if (this.closed) {
      return;
    }
    const identity = this.identity;
    const key = `stream:${identity.userId}`;
    this.stream = new MessageStream({
      open: (lastEventId, signal) => this.api.stream(identity, this.context().locale, lastEventId, signal),
      lastEventId: this.store.read<string | undefined>(key, undefined),
      saveLastEventId: (id) => this.store.write(key, id),
      log: this.log,
      backoff: new Backoff(1000, 30_000, this.backoffRandom),
      handlers: {
        message: (data, id) => {
          const message = data as SdkMessage;
          if (!message || typeof message !== 'object' || !message.message) {
            this.log.log({ reason: 'stream', message: 'a message event without message: ignored' });
            return;
          }
          this.log.log({ reason: 'stream', campaignId: message.campaignId, message: 'sent by the server' });
          const show = () => {
            // a hidden tab may show it much later: not once its time is over
            if (message.expiresAt && Date.parse(message.expiresAt) < this.now()) {
              const campaignId = message.campaignId;
              this.log.log({ reason: 'stream', campaignId, message: 'expired before it could show' });
            } else {
              this.display.offer(message, 0, 'stream');
            }
          };
          if (id === '') {
            show();
          } else {
            this.claims.offer(identity.userId, id, show);
          }
        },
        resync: () => {
          void this.sync.sync(this.identity, this.context());
          void this.inboxFeed.refresh();
        },
      },
    });
    this.stream.start();
  }

  private listen(): void {
    const win = globalThis.window as Window | undefined;
    const doc = globalThis.document as Document | undefined;
    if (win) {
      this.addListener(win, 'online', () => {
        this.serverUnreachable = false;
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
