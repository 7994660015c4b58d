import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/http';

interface AppSummary {
  id: string;
  name: string;
  createdAt: string;
}

/** The operator's list of apps. */
export function AppsPage() {
  const [apps, setApps] = useState<AppSummary[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<AppSummary[]>('GET', '/v1/apps').then(setApps, (e: ApiError) => setError(e.message));
  }, []);
  return (
    <section>
      <h1>Apps</h1>
      {error && <p class="error">{error}</p>}
      {!apps && !error && <p role="status">Loading…</p>}
      <ul class="list">
        {apps?.map((app) => (
          <li key={app.id}>
            <a href={`#/apps/${encodeURIComponent(app.id)}/campaigns`}>{app.name}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
