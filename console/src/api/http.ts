// The management API through the gateway, with the session cookie (never a token in storage) and the CSRF header
// on every write.
import { type Problem, toProblem } from './problem';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

let csrfToken: string | undefined;

/** Set from the session answer; sent as X-CSRF-Token on every non-GET. */
export function useCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when the API answers 401: the session is gone (expired, signed out elsewhere). */
let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(listener: () => void): void {
  onUnauthorized = listener;
}

export function requestInit(method: string, body?: unknown): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) };
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, requestInit(method, body));
  } catch {
    throw new ApiError({ status: 0, title: 'The server cannot be reached', errors: [] });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/console/api/session')) onUnauthorized();
    throw new ApiError(toProblem(response.status, parsed));
  }
  return parsed as T;
}
