// Public entry point of the web SDK: `Marquee.init(…)` returns a client and also becomes the default one, so that
// `Marquee.track(…)`, `Marquee.screen(…)` and the rest can be called without keeping it.
import type { Button, SdkMessage } from './model';
import { MarqueeClient, type MarqueeConfig } from './core/client';
import type { DebugListener } from './core/debug';
import type { InboxState } from './core/inbox';
import { renderers } from './render/index';

export type * from './model';
export type { MarqueeConfig } from './core/client';
export type { MarqueeClient } from './core/client';
export type { DebugEntry, DebugListener, DebugReason } from './core/debug';
export type { InboxState } from './core/inbox';
export type { InboxCard } from './render/contract';
export type { KeyValueStorage } from './core/storage';

export const version = '0.1.0';

let current: MarqueeClient | undefined;

function client(): MarqueeClient {
  if (!current) {
    throw new Error('Marquee.init must be called first');
  }
  return current;
}

export const Marquee = {
  /**
   * Starts the SDK for one user: syncs the eligible messages, starts a session, opens the stream. Resolves once the
   * first sync has an answer (or failed: offline, the stored messages are used). A previous default client is closed.
   */
  async init(config: MarqueeConfig): Promise<MarqueeClient> {
    current?.close();
    const created = new MarqueeClient(config, { renderers });
    current = created;
    await created.start();
    return created;
  },
  track: (name: string, properties?: Record<string, unknown>): void => client().track(name, properties),
  screen: (name: string): void => client().screen(name),
  purchase: (properties?: Record<string, unknown>): void => client().purchase(properties),
  identify: (attributes: Record<string, unknown>, user?: { userId: string; userSignature?: string }): void =>
    client().identify(attributes, user),
  reset: (): Promise<void> => client().reset(),
  pause: (): void => client().pause(),
  resume: (): void => client().resume(),
  logImpression: (message: SdkMessage): void => client().logImpression(message),
  logClick: (message: SdkMessage, button: Button | string): void => client().logClick(message, button),
  logDismiss: (message: SdkMessage): void => client().logDismiss(message),
  logAnswer: (message: SdkMessage, answers: Record<string, unknown>): void => client().logAnswer(message, answers),
  inbox: (): InboxState => client().inbox(),
  refreshInbox: (): Promise<InboxState> => client().refreshInbox(),
  markRead: (campaignId: string): Promise<void> => client().markRead(campaignId),
  archive: (campaignId: string): Promise<void> => client().archive(campaignId),
  on: (event: 'debug', listener: DebugListener): (() => void) => client().on(event, listener),
  /** Closes the default client (stream, timers, listeners); queued events stay stored for the next page. */
  close: (): void => {
    current?.close();
    current = undefined;
  },
};

export default Marquee;
