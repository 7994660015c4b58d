import { vi } from 'vitest';

// Test doubles of what the core talks to: a fake server behind `fetch` (no network) and renderers that record calls.
import type { SdkMessage } from '../../src/model';
import type { InboxCard, InboxOptions, RenderedMessage, RenderOptions, Renderers } from '../../src/render/contract';

export interface Recorded {
  method: string;
  url: URL;
  path: string;
  headers: Record<string, string>;
  body: any;
  keepalive: boolean;
  signal?: AbortSignal;
}

export type Route = (request: Recorded) => Response | Promise<Response>;

/** A fake SDK API: every request is recorded and answered by `route` (throwing = a network error). */
export class FakeServer {
  readonly requests: Recorded[] = [];
  private readonly streams: SseFeed[] = [];

  constructor(public route: Route = () => json(200, {})) {}

  readonly fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>)) {
      headers[name.toLowerCase()] = value;
    }
    const request: Recorded = {
      method: init.method ?? 'GET',
      url,
      path: url.pathname,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      keepalive: init.keepalive === true,
      signal: init.signal ?? undefined,
    };
    this.requests.push(request);
    return this.route(request);
  };

  to(path: string): Recorded[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Events of every `POST /v1/sdk/events`, in order. */
  events(): any[] {
    return this.to('/v1/sdk/events').flatMap((r) => r.body.events);
  }

  interactions(): any[] {
    return this.to('/v1/sdk/interactions').flatMap((r) => r.body.interactions);
  }

  /** An open SSE answer for a stream request; the test writes frames into it. */
  openStream(request: Recorded): SseFeed {
    const feed = new SseFeed(request.signal);
    this.streams.push(feed);
    return feed;
  }
}

export class SseFeed {
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  readonly response: Response;

  constructor(signal?: AbortSignal) {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
      },
    });
    this.response = new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    signal?.addEventListener('abort', () => {
      try {
        this.controller.error(new DOMException('aborted', 'AbortError'));
      } catch {
        // already closed
      }
    });
  }

  write(text: string): void {
    this.controller.enqueue(new TextEncoder().encode(text));
  }

  end(): void {
    this.controller.close();
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 || status === 304 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Renderers that record what the core asked and expose the callbacks, as a browser would call them. */
export class FakeRenderers implements Renderers {
  readonly shown: { message: SdkMessage; options: RenderOptions; closed: boolean }[] = [];
  /** what a renderer does when it ends a message by itself: the element leaves the page, no callback */
  removeByItself(campaignId: string): void {
    const entry = this.shown.find((s) => s.message.campaignId === campaignId && !s.closed)!;
    entry.closed = true;
    document.querySelector(`[data-marquee-message="${campaignId}"]`)?.remove();
  }
  readonly feeds: { cards: InboxCard[]; options: InboxOptions }[] = [];
  refuse = false;

  show(message: SdkMessage, options: RenderOptions): RenderedMessage | null {
    if (this.refuse) {
      return null;
    }
    const entry = { message, options, closed: false };
    this.shown.push(entry);
    const element = document.createElement('div');
    element.setAttribute('data-marquee-message', message.campaignId);
    (options.root ?? document.body).append(element);
    return {
      element,
      close: () => {
        entry.closed = true;
        element.remove();
      },
    };
  }

  inbox(_container: HTMLElement, cards: InboxCard[], options: InboxOptions): number {
    this.feeds.push({ cards, options });
    return cards.filter((card) => !card.read).length;
  }

  /** The messages on screen now. */
  open(): string[] {
    return this.shown.filter((s) => !s.closed).map((s) => s.message.campaignId);
  }

  last() {
    return this.shown[this.shown.length - 1];
  }
}

export function sdkMessage(campaignId: string, triggers: SdkMessage['triggers'], format = 'MODAL'): SdkMessage {
  return {
    campaignId,
    version: 1,
    variant: 'A',
    triggers,
    message: {
      format: format as SdkMessage['message']['format'],
      title: `Title ${campaignId}`,
      buttons: [
        { id: 'ok', label: 'OK', action: 'DISMISS' },
        { id: 'log', label: 'Log', action: 'LOG_EVENT', event: 'liked' },
      ],
    },
  };
}

/** Lets pending promises and zero-delay timers run (works with fake and real timers). */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    if (vi.isFakeTimers()) {
      await vi.advanceTimersByTimeAsync(0);
    } else {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
}

let counter = 0;
/** Predictable ids: id-1, id-2, … */
export function sequentialIds(): () => string {
  return () => `id-${++counter}`;
}
