// The SDK API of delivery-service, reached through the gateway: the SDK key in `X-Marquee-Key`, and with identity
// verification the user's id and signature on every call.
import type { Interaction, SdkEvent } from '../model';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Who the calls are made for. */
export interface Identity {
  userId: string;
  /** hex HMAC-SHA256 of the user id, computed by the app's backend */
  userSignature?: string;
}

/** The device context sent with syncs and event batches. */
export interface DeviceContext {
  locale?: string;
  timeZone?: string;
  sessionId?: string;
}

/** An HTTP answer, its JSON body read (undefined when there is none or it is not JSON). */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export class SdkApi {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly sdkKey: string,
    private readonly fetcher: FetchLike,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** `GET /v1/sdk/messages`: 200 with the eligible set and its ETag, or 304 when `etag` still holds. */
  messages(identity: Identity, context: DeviceContext, etag?: string): Promise<HttpAnswer> {
    const headers = this.headers(identity);
    if (etag) {
      headers['If-None-Match'] = etag;
    }
    const query = this.query({
      userId: identity.userId,
      locale: context.locale,
      sessionId: context.sessionId,
      platform: 'web',
      timeZone: context.timeZone,
    });
    return this.call(`/v1/sdk/messages?${query}`, { method: 'GET', headers });
  }

  events(identity: Identity, context: DeviceContext, events: SdkEvent[], keepalive: boolean): Promise<HttpAnswer> {
    const body = {
      userId: identity.userId,
      sessionId: context.sessionId,
      platform: 'web',
      locale: context.locale,
      timeZone: context.timeZone,
      events,
    };
    return this.post('/v1/sdk/events', identity, body, keepalive);
  }

  /** `POST /v1/sdk/interactions`, with the platform and the locale the interactions happened in (for the reports). */
  interactions(
    identity: Identity,
    context: DeviceContext,
    interactions: Interaction[],
    keepalive: boolean,
  ): Promise<HttpAnswer> {
    const body = { userId: identity.userId, platform: 'web', locale: context.locale, interactions };
    return this.post('/v1/sdk/interactions', identity, body, keepalive);
  }

  inbox(identity: Identity, context: DeviceContext): Promise<HttpAnswer> {
    const query = this.query({
      userId: identity.userId,
      locale: context.locale,
      platform: 'web',
      timeZone: context.timeZone,
    });
    return this.call(`/v1/sdk/inbox?${query}`, { method: 'GET', headers: this.headers(identity) });
  }

  /** `POST /v1/sdk/inbox/{campaignId}/read|archive`: 204, or 404 when the user has no such card. */
  markCard(identity: Identity, campaignId: string, mark: 'read' | 'archive'): Promise<HttpAnswer> {
    const path = `/v1/sdk/inbox/${encodeURIComponent(campaignId)}/${mark}?${this.query({ userId: identity.userId })}`;
    return this.call(path, { method: 'POST', headers: this.headers(identity) });
  }

  /**
   * `GET /v1/sdk/explain`: every campaign's verdict for this user and trigger (`SCREEN_VIEW:<screen>`,
   * `CUSTOM_EVENT:<event>`, `SESSION_START`, …). The gateway answers 403 unless the SDK key has the `DEBUG` scope.
   */
  explain(identity: Identity, context: DeviceContext, trigger: string): Promise<HttpAnswer> {
    const query = this.query({
      userId: identity.userId,
      trigger,
      sessionId: context.sessionId,
      platform: 'web',
      locale: context.locale,
      timeZone: context.timeZone,
    });
    return this.call(`/v1/sdk/explain?${query}`, { method: 'GET', headers: this.headers(identity) });
  }

  /** `GET /v1/sdk/stream` as a fetch (EventSource cannot send the key header); the caller reads the body. */
  stream(identity: Identity, locale: string | undefined, lastEventId: string | undefined, signal: AbortSignal) {
    const headers = this.headers(identity);
    headers.Accept = 'text/event-stream';
    if (lastEventId) {
      headers['Last-Event-ID'] = lastEventId;
    }
    const query = this.query({ userId: identity.userId, locale });
    const init: RequestInit = { method: 'GET', headers, signal, cache: 'no-store' };
    return this.fetcher(`${this.baseUrl}/v1/sdk/stream?${query}`, init);
  }

  private post(path: string, identity: Identity, body: unknown, keepalive: boolean): Promise<HttpAnswer> {
    const headers = this.headers(identity);
    headers['Content-Type'] = 'application/json';
    return this.call(path, { method: 'POST', headers, body: JSON.stringify(body), keepalive });
  }

  private headers(identity: Identity): Record<string, string> {
    const headers: Record<string, string> = { 'X-Marquee-Key': this.sdkKey };
    if (identity.userSignature) {
      headers['X-Marquee-User-Id'] = identity.userId;
      headers['X-Marquee-User-Signature'] = identity.userSignature;
    }
    return headers;
  }

  private query(values: Record<string, string | undefined>): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined && value !== '') {
        params.set(name, value);
      }
    }
    return params.toString();
  }

  /** Rejects only when the request did not get an answer (offline, DNS, CORS refusal, reset). */
  private async call(path: string, init: RequestInit): Promise<HttpAnswer> {
    const response = await this.fetcher(this.baseUrl + path, init);
    let body: unknown;
    const text = await response.text().catch(() => '');
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    return { status: response.status, headers: response.headers, body };
  }
}

/** The field errors of an `application/problem+json` answer. */
export function fieldErrors(body: unknown): { field: string; message: string }[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors)
    ? errors.filter((e): e is { field: string; message: string } => typeof e?.field === 'string')
    : [];
}
