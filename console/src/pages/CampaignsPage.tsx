import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/http';
import { FORMATS } from '../campaign/form';
import type { Campaign, ListPage } from '../campaign/model';

const STATES = ['DRAFT', 'SCHEDULED', 'ACTIVE', 'PAUSED', 'ENDED', 'ARCHIVED'];

/** An app's campaigns: state and format filters (the API's), a search over the loaded names, cursor paging. */
export function CampaignsPage({ appId, editable }: { appId: string; editable: boolean }) {
  const [state, setState] = useState('');
  const [format, setFormat] = useState('');
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<Campaign[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string>();

  const load = (after?: string) => {
    const query = new URLSearchParams({ limit: '25' });
    if (state) query.set('state', state);
    if (format) query.set('format', format);
    if (after) query.set('cursor', after);
    api<ListPage<Campaign>>('GET', `/v1/apps/${encodeURIComponent(appId)}/campaigns?${query}`).then(
      (page) => {
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(undefined);
      },
      (e: ApiError) => setError(e.message),
    );
  };
  useEffect(() => load(), [appId, state, format]);

  const shown = items.filter((c) => c.name.toLowerCase().includes(search.toLowerCase()));
  return (
    <section>
      <h1>Campaigns</h1>
      <div class="filters">
        <label>
          State
          <select value={state} onChange={(e) => setState((e.target as HTMLSelectElement).value)}>
            <option value="">All</option>
            {STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value)}>
            <option value="">All</option>
            {FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <label>
          Search
          <input type="search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
        </label>
        {editable && <span class="hint">Editor: next session</span>}
      </div>
      {error && <p class="error">{error}</p>}
      <table>
        <caption class="sr-only">Campaigns of this app</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">State</th>
            <th scope="col">Format</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.id} data-campaign={c.id}>
              <td>{c.name}</td>
              <td>{c.state}</td>
              <td>{c.variants[0]?.message.format}</td>
              <td>{new Date(c.updatedAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor && (
        <button type="button" onClick={() => load(cursor)}>
          Load more
        </button>
      )}
    </section>
  );
}
