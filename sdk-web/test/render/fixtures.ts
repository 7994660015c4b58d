// Builders for renderer tests: messages of each format and options that record what the renderers call.
import { afterEach, vi } from 'vitest';
import type { Button, Message, SdkMessage } from '../../src/model';
import { renderers } from '../../src/render';
import type { InboxCard, InboxOptions, RenderOptions, RenderedMessage } from '../../src/render/contract';

const shownInTest: RenderedMessage[] = [];

/** `renderers.show`, closing what it showed after the test (listeners and focus traps included). */
export function show(message: SdkMessage, options: RenderOptions): RenderedMessage | null {
  const shown = renderers.show(message, options);
  if (shown) shownInTest.push(shown);
  return shown;
}

export function sdkMessage(message: Message, campaignId = 'camp-1'): SdkMessage {
  return { campaignId, version: 1, variant: 'A', message };
}

export const modal = (extra: Partial<Message> = {}): SdkMessage =>
  sdkMessage({ format: 'MODAL', title: 'Welcome', body: 'Take the tour', ...extra });

export const button = (id: string, action: Button['action'], more: Partial<Button> = {}): Button => ({
  id,
  label: id,
  action,
  ...more,
});

export interface Recorded {
  impressions: number;
  clicks: Button[];
  dismissals: number;
  answers: Record<string, unknown>[];
  navigated: string[];
}

export function recordingOptions(extra: Partial<RenderOptions> = {}): RenderOptions & { recorded: Recorded } {
  const recorded: Recorded = { impressions: 0, clicks: [], dismissals: 0, answers: [], navigated: [] };
  return {
    deepLinkSchemes: ['demoshop'],
    allowHtml: false,
    colorScheme: 'light',
    navigate: (url) => recorded.navigated.push(url),
    callbacks: {
      impression: () => (recorded.impressions += 1),
      click: (b) => recorded.clicks.push(b),
      dismiss: () => (recorded.dismissals += 1),
      answer: (a) => recorded.answers.push(a),
    },
    ...extra,
    recorded,
  };
}

export interface InboxRecorded {
  impressions: string[];
  read: string[];
  archived: string[];
  clicks: string[];
  navigated: string[];
}

export function inboxOptions(): InboxOptions & { recorded: InboxRecorded } {
  const recorded: InboxRecorded = { impressions: [], read: [], archived: [], clicks: [], navigated: [] };
  return {
    deepLinkSchemes: ['demoshop'],
    allowHtml: false,
    colorScheme: 'light',
    navigate: (url) => recorded.navigated.push(url),
    callbacks: {
      impression: (c) => recorded.impressions.push(c.campaignId),
      read: (c) => recorded.read.push(c.campaignId),
      archive: (c) => recorded.archived.push(c.campaignId),
      click: (c, b) => recorded.clicks.push(`${c.campaignId}/${b.id}`),
    },
    recorded,
  };
}

export function card(campaignId: string, extra: Partial<InboxCard> = {}, message: Partial<Message> = {}): InboxCard {
  return {
    ...sdkMessage({ format: 'CARD', title: `Card ${campaignId}`, body: 'Body', ...message }, campaignId),
    read: false,
    ...extra,
  };
}

/** Lets the renderers' "once attached" checks (setTimeout 0) run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

export function key(target: EventTarget, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

export const q = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

afterEach(() => {
  shownInTest.splice(0).forEach((shown) => shown.close());
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.useRealTimers();
});
