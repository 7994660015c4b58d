// What the client does with the user's stream (the transport is stream.ts): a `message` event is a message sent by
// the server, shown in one tab of the browser (claims.ts) unless it expired meanwhile; a `resync` hint syncs the
// eligible set and the inbox again. The last event id is kept per user in storage.
import type { SdkMessage } from '../model';
import type { Identity, SdkApi } from './api';
import { Backoff } from './backoff';
import type { StreamClaims } from './claims';
import type { DebugLog } from './debug';
import type { DisplayController } from './display';
import type { SdkStore } from './storage';
import { MessageStream, type StreamHandlers } from './stream';

export interface StreamHandlerOptions {
  log: DebugLog;
  now: () => number;
  display: DisplayController;
  claims: StreamClaims;
  /** the user the stream belongs to */
  userId: string;
  /** a `resync` hint: sync and refresh the inbox */
  resync: () => void;
}

/** The handlers of one user's stream. */
export function streamHandlers(options: StreamHandlerOptions): StreamHandlers {
  const { log, now, display, claims, userId } = options;
  return {
    message: (data, id) => {
      const message = data as SdkMessage;
      if (!message || typeof message !== 'object' || !message.message) {
        log.log({ reason: 'stream', message: 'a message event without message: ignored' });
        return;
      }
      log.log({ reason: 'stream', campaignId: message.campaignId, message: 'sent by the server' });
      const show = () => {
        // a hidden tab may show it much later: not once its time is over
        if (message.expiresAt && Date.parse(message.expiresAt) < now()) {
          const campaignId = message.campaignId;
          log.log({ reason: 'stream', campaignId, message: 'expired before it could show' });
        } else {
          display.offer(message, 0, 'stream');
        }
      };
      if (id === '') {
        show();
      } else {
        claims.offer(userId, id, show);
      }
    },
    resync: () => options.resync(),
  };
}

export interface UserStreamOptions extends Omit<StreamHandlerOptions, 'userId'> {
  api: SdkApi;
  store: SdkStore;
  identity: Identity;
  locale: () => string | undefined;
  random: () => number;
}

/** Opens (starts) the stream of one user, resuming after the last event id stored for that user. */
export function openUserStream(options: UserStreamOptions): MessageStream {
  const { api, store, identity } = options;
  const key = `stream:${identity.userId}`;
  const stream = new MessageStream({
    open: (lastEventId, signal) => api.stream(identity, options.locale(), lastEventId, signal),
    lastEventId: store.read<string | undefined>(key, undefined),
    saveLastEventId: (id) => store.write(key, id),
    log: options.log,
    backoff: new Backoff(1000, 30_000, options.random),
    handlers: streamHandlers({ ...options, userId: identity.userId }),
  });
  stream.start();
  return stream;
}
