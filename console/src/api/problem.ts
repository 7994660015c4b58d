// RFC 9457 problem details as the services answer them, and where each field error is shown in a form.

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors: FieldError[];
}

/** Reads a problem body; anything else (an HTML error page, no body) becomes a problem that names no field. */
export function toProblem(status: number, body: unknown): Problem {
  const b = (body ?? {}) as Record<string, unknown>;
  const errors = Array.isArray(b.errors)
    ? b.errors
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? 'is invalid') }))
    : [];
  return {
    status,
    title: typeof b.title === 'string' ? b.title : `Request failed (${status})`,
    detail: typeof b.detail === 'string' ? b.detail : undefined,
    errors,
  };
}

/**
 * The field errors by field path (`message.buttons[0].url`), several messages joined. A form shows each at the input
 * whose `name` is that path; `unclaimed` tells which paths no input of the form has, to be shown above it.
 */
export function fieldMessages(problem: Problem | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const { field, message } of problem?.errors ?? []) {
    const key = normalizePath(field);
    map.set(key, map.has(key) ? `${map.get(key)}; ${message}` : message);
  }
  return map;
}

/** The paths of `messages` not among the form's `known` input names. */
export function unclaimed(messages: Map<string, string>, known: Iterable<string>): [string, string][] {
  const names = new Set(known);
  return [...messages].filter(([field]) => !names.has(field));
}

/** `variants[0].message.title` in a one-variant campaign the console edits as `message.title`. */
export function normalizePath(field: string): string {
  return field.replace(/^body\./, '');
}
