// The gateway's console session: a token is exchanged once for an HttpOnly cookie and a CSRF token.
import { api, useCsrfToken } from './http';

export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';

export interface Session {
  principal: 'operator' | 'admin';
  appId?: string;
  role: Role;
  csrfToken: string;
  expiresAt: string;
}

const PATH = '/console/api/session';

export async function signIn(token: string): Promise<Session> {
  const session = await api<Session>('POST', PATH, { token });
  useCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when there is none (401). */
export async function currentSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('GET', PATH);
    useCsrfToken(session.csrfToken);
    return session;
  } catch {
    return null;
  }
}

export async function signOut(): Promise<void> {
  try {
    await api<void>('DELETE', PATH);
  } finally {
    useCsrfToken(undefined);
  }
}

/** Who may change things: admins and editors; viewers see no edit controls (and the API refuses them anyway). */
export function canEdit(session: Session): boolean {
  return session.principal === 'operator' || session.role !== 'VIEWER';
}
