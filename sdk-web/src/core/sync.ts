// The eligible set, synced at session start and on the stream's `resync` hints with `If-None-Match`, and kept in
// storage so that messages can be shown offline (and after a reload before the next sync answers).
import type { MessagesResponse, SdkMessage } from '../model';
import type { DeviceContext, Identity, SdkApi } from './api';
import type { DebugLog } from './debug';
import type { SdkStore } from './storage';

interface StoredSet {
  userId: string;
  etag?: string;
  messages: SdkMessage[];
  /** the app's declared link schemes from the same answer */
  linkSchemes?: string[];
  syncedAt: number;
}

export type SyncResult = 'updated' | 'not_modified' | 'offline' | 'failed';

export class MessageSync {
  constructor(
    private readonly api: SdkApi,
    private readonly store: SdkStore,
    private readonly log: DebugLog,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored eligible set of this user (empty when none was synced yet). */
  messages(userId: string): SdkMessage[] {
    const stored = this.stored();
    return stored && stored.userId === userId ? stored.messages : [];
  }

  /** The app's link schemes of the last sync ([] until one answered, or when the answer named none). */
  linkSchemes(userId: string): string[] {
    const stored = this.stored();
    const schemes = stored && stored.userId === userId ? stored.linkSchemes : undefined;
    return Array.isArray(schemes) ? schemes.filter((s): s is string => typeof s === 'string') : [];
  }

  async sync(identity: Identity, context: DeviceContext): Promise<SyncResult> {
    const stored = this.stored();
    const mine = stored && stored.userId === identity.userId ? stored : undefined;
    let answer;
    try {
      answer = await this.api.messages(identity, context, mine?.etag);
    } catch (error) {
      this.log.log({
        reason: 'sync',
        message: `sync failed (${String(error)}); ${mine?.messages.length ?? 0} stored messages stay usable offline`,
      });
      return 'offline';
    }
    if (answer.status === 304 && mine) {
      this.log.log({ reason: 'sync', message: `not modified: ${mine.messages.length} stored messages kept` });
      return 'not_modified';
    }
    if (answer.status !== 200 || !isMessages(answer.body)) {
      this.log.log({ reason: 'sync', message: `sync answered ${answer.status}; the stored messages are kept` });
      return 'failed';
    }
    const body = answer.body;
    if (body.degraded) {
      this.log.log({ reason: 'degraded', message: 'the eligible set was computed without Redis (degraded)' });
    }
    this.store.write('sync', {
      userId: identity.userId,
      etag: answer.headers.get('ETag') ?? undefined,
      messages: body.messages,
      linkSchemes: Array.isArray(body.linkSchemes) ? body.linkSchemes : [],
      syncedAt: this.now(),
    } satisfies StoredSet);
    this.log.log({ reason: 'sync', message: `synced ${body.messages.length} eligible messages` });
    return 'updated';
  }

  clear(): void {
    this.store.remove('sync');
  }

  private stored(): StoredSet | undefined {
    return this.store.read<StoredSet | undefined>('sync', undefined);
  }
}

function isMessages(body: unknown): body is MessagesResponse {
  return typeof body === 'object' && body !== null && Array.isArray((body as MessagesResponse).messages);
}
