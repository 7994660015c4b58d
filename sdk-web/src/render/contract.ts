// What the SDK core asks of the renderers, and what the renderers promise (the browser tests rely on the data-*
// attributes below; keep them stable).
//
// DOM contract:
//   root of a shown message   [data-marquee-message="<campaignId>"][data-marquee-format="<FORMAT>"]
//   its buttons               [data-marquee-button="<button id>"]
//   the close control         [data-marquee-close]   (every format but CUSTOM_JSON/headless; cannot be removed)
//   carousel                  [data-marquee-prev], [data-marquee-next], pages [data-marquee-page="<index>"]
//   survey                    [data-marquee-question="<id>"], NPS [data-marquee-nps="<0..10>"],
//                             choice [data-marquee-choice="<id>"], free text textarea, [data-marquee-submit]
//   inbox feed                [data-marquee-inbox], card [data-marquee-card="<campaignId>"][data-unread="true|false"],
//                             unread badge [data-marquee-unread] (text = count)
//   HTML message              iframe[sandbox] (never allow-same-origin) inside the message root
// Added by the renderers (optional to rely on):
//   every root                [data-marquee-scheme="light|dark"] (the colour scheme applied)
//   banner                    [data-marquee-position="TOP|BOTTOM"]; tooltip [data-marquee-placement="<side>"]
//   carousel page indicator   [data-marquee-indicator] (text "2 / 3")
//   inbox card archive        [data-marquee-archive="<campaignId>"]
//   survey after submitting   [data-marquee-thanks]
import type { Button, SdkMessage } from '../model';

/** Called by the renderers; the core turns them into interactions and tracked events. */
export interface RenderCallbacks {
  /** the message is really visible (in the viewport, document visible): called at most once per display */
  impression(): void;
  /** a button was activated (after the link policy allowed its URL, if any) */
  click(button: Button): void;
  /** closed by the close control, Esc, a DISMISS button, a click outside a modal or the banner's timer */
  dismiss(): void;
  /** survey answers, by question id: NPS → number, choices → string[], free text → string */
  answer(answers: Record<string, unknown>): void;
}

export interface RenderOptions {
  /** where the message goes; default `document.body` */
  root?: HTMLElement;
  /** 'auto' follows `prefers-color-scheme` */
  colorScheme?: 'light' | 'dark' | 'auto';
  /** the app's deep-link schemes (without ':'), e.g. ['demoshop']; other schemes than https are refused */
  deepLinkSchemes: string[];
  /** HTML messages only when the app opted in; otherwise an HTML message is not rendered */
  allowHtml: boolean;
  /** opens a URL or deep link the policy allowed; default `window.location.assign` */
  navigate?: (url: string) => void;
  callbacks: RenderCallbacks;
  /** the SDK's own words (close, next, thank-you…), for apps in other languages; English by default */
  labels?: Partial<RenderLabels>;
}

/** The texts the renderers add around a message's own (already localized) texts. */
export interface RenderLabels {
  close: string;
  previous: string;
  next: string;
  /** `{current}` and `{total}` are replaced, e.g. "Page {current} of {total}" */
  page: string;
  submit: string;
  thanks: string;
  required: string;
  requiredMark: string;
  answerOne: string;
  npsLow: string;
  npsHigh: string;
  message: string;
  inbox: string;
  unread: string;
  pinned: string;
  archive: string;
  empty: string;
}

/** A message on screen. `close()` removes it without a dismiss callback (the core decides). */
export interface RenderedMessage {
  readonly element: HTMLElement;
  close(): void;
}

/** One inbox card as `GET /v1/sdk/inbox` returns it, plus its read state. */
export interface InboxCard extends SdkMessage {
  read: boolean;
  pinned?: boolean;
  receivedAt?: string;
  expiresAt?: string;
}

export interface InboxCallbacks {
  /** a card became visible in the feed (impression) */
  impression(card: InboxCard): void;
  read(card: InboxCard): void;
  archive(card: InboxCard): void;
  click(card: InboxCard, button: Button): void;
}

export interface InboxOptions extends Omit<RenderOptions, 'callbacks'> {
  callbacks: InboxCallbacks;
}

/** The renderers' entry points (src/render/index.ts implements them). */
export interface Renderers {
  /** shows a message of any format but CARD (cards go to the inbox) and CUSTOM_JSON (headless only) */
  show(message: SdkMessage, options: RenderOptions): RenderedMessage | null;
  /** draws the card feed into `container`, replacing what was there; returns the unread count */
  inbox(container: HTMLElement, cards: InboxCard[], options: InboxOptions): number;
}
