// The `Marquee` object of the public API: `init` builds a client and makes it the default one, the other calls go to
// that default client. Built from the renderers so that tests can use their own.
import type { Button, SdkMessage } from '../model';
import type { Renderers } from '../render/contract';
import { type ClientDependencies, MarqueeClient, type MarqueeConfig } from './client';
import type { DebugListener } from './debug';
import type { InboxState } from './inbox';

export function createMarquee(renderers: Renderers, deps: Omit<ClientDependencies, 'renderers'> = {}) {
  let current: MarqueeClient | undefined;

  const client = (): MarqueeClient => {
    if (!current) {
      throw new Error('Marquee.init must be called first');
    }
    return current;
  };

  return {
    /**
     * Starts the SDK for one user: syncs the eligible messages, starts a session, opens the stream. Resolves once the
     * first sync has an answer (or failed: offline, the stored messages are used). A previous default client is
     * closed.
     */
    async init(config: MarqueeConfig): Promise<MarqueeClient> {
      current?.close();
      const created = new MarqueeClient(config, { ...deps, renderers });
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
}

export type MarqueeApi = ReturnType<typeof createMarquee>;
