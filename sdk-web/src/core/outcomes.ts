// How an answer of `POST /v1/sdk/events` or `POST /v1/sdk/interactions` settles a batch of the queue.
import type { HttpAnswer } from './api';
import { fieldErrors } from './api';
import { retryAfterMs } from './backoff';
import type { BatchOutcome, QueuedEntry, RejectedItem } from './queue';

interface ItemResult {
  index: number;
  eventId?: string;
  status: string;
  errors?: { field: string; message: string }[];
}

/**
 * 2xx: delivered, the items the server answered `rejected` logged and dropped. 429, 503 and other 5xx: retried
 * (honouring `Retry-After`). Another 4xx drops only the items its field errors name (`events[3].eventId`); a 4xx that
 * names none (a bad signature, a bad `userId`) keeps the batch and retries it with the backoff, since dropping it would
 * lose events that are not at fault.
 */
export function batchOutcome<T extends { eventId: string }>(
  answer: HttpAnswer,
  batch: QueuedEntry<T>[],
  list: 'events' | 'interactions',
  now: number = Date.now(),
): BatchOutcome {
  const { status } = answer;
  if (status >= 200 && status < 300) {
    const results = (answer.body as { results?: ItemResult[] } | undefined)?.results ?? [];
    const rejected: RejectedItem[] = results
      .filter((result) => result.status === 'rejected')
      .map((result) => ({
        eventId: result.eventId ?? batch[result.index]?.item.eventId ?? '',
        errors: result.errors ?? [],
      }));
    return { kind: 'delivered', rejected };
  }
  if (status === 429 || status >= 500 || status < 200) {
    return {
      kind: 'retry',
      reason: `the server answered ${status}`,
      retryAfterMs: retryAfterMs(answer.headers.get('Retry-After'), now),
    };
  }
  if (status >= 400) {
    const byIndex = new Map<number, { field: string; message: string }[]>();
    const pattern = new RegExp(`^${list}\\[(\\d+)\\]`);
    for (const error of fieldErrors(answer.body)) {
      const match = pattern.exec(error.field);
      const index = match ? Number(match[1]) : -1;
      if (index >= 0 && index < batch.length) {
        byIndex.set(index, [...(byIndex.get(index) ?? []), error]);
      }
    }
    if (byIndex.size > 0) {
      const rejected = [...byIndex].map(([index, errors]) => ({ eventId: batch[index].item.eventId, errors }));
      return { kind: 'refused', rejected };
    }
    return { kind: 'retry', reason: `the server refused the whole batch (${status}) without naming an item` };
  }
  return { kind: 'retry', reason: `unexpected answer ${status}` };
}
