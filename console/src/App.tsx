// The app shell: sign-in, then navigation, theme switch and the page of the current hash route.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, whenUnauthorized } from './api/http';
import { canEdit, currentSession, type Session, signIn, signOut } from './api/session';
import { parseRoute, type Route } from './router';
import { AppsPage } from './pages/AppsPage';
import { CampaignsPage } from './pages/CampaignsPage';

type Theme = 'light' | 'dark';

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(parseRoute(location.hash));
  const [theme, setTheme] = useState<Theme>(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

  useEffect(() => {
    currentSession().then(setSession);
    whenUnauthorized(() => setSession(null));
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  if (session === undefined) return <p role="status">Loading…</p>;
  if (session === null) return <SignIn onSignedIn={setSession} />;

  const appId = session.appId ?? ('appId' in route ? route.appId : undefined);
  return (
    <div class="shell">
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <strong>Marquee</strong>
        <nav aria-label="Main">
          {session.principal === 'operator' && <a href="#/apps">Apps</a>}
          {appId && <a href={`#/apps/${encodeURIComponent(appId)}/campaigns`}>Campaigns</a>}
        </nav>
        <span class="who">
          {session.principal} · {session.role}
        </span>
        <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-pressed={theme === 'dark'}>
          Dark mode
        </button>
        <button type="button" onClick={() => signOut().finally(() => setSession(null))}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} session={session} appId={appId} />
      </main>
    </div>
  );
}

function Page({ route, session, appId }: { route: Route; session: Session; appId?: string }) {
  if (route.page === 'apps' && session.principal === 'operator') return <AppsPage />;
  if (appId) return <CampaignsPage appId={appId} editable={canEdit(session)} />;
  return <p>Page not found.</p>;
}

function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      onSignedIn(await signIn(token));
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : undefined;
      setError(problem?.errors.find((f) => f.field === 'token')?.message ?? problem?.detail ?? 'Sign-in failed');
    }
  };
  return (
    <main id="main" class="signin">
      <h1>Sign in to Marquee</h1>
      <form onSubmit={submit}>
        <label for="token">Admin or operator token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'token-error' : undefined}
          required
        />
        {error && (
          <p id="token-error" class="error">
            {error}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
