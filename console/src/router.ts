// Hash routes (`/console/#/apps/<id>/campaigns`), so the server needs no fallback for deep links.

export type Route =
  | { page: 'apps' }
  | { page: 'app'; appId: string }
  | { page: 'campaigns'; appId: string }
  | { page: 'campaign'; appId: string; campaignId: string }
  | { page: 'new-campaign'; appId: string }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'apps')) return { page: 'apps' };
  if (parts[0] === 'apps' && parts[1]) {
    const appId = parts[1];
    if (parts.length === 2) return { page: 'app', appId };
    if (parts[2] === 'campaigns') {
      if (parts.length === 3) return { page: 'campaigns', appId };
      if (parts.length === 4 && parts[3] === 'new') return { page: 'new-campaign', appId };
      if (parts.length === 4) return { page: 'campaign', appId, campaignId: parts[3] };
    }
  }
  return { page: 'not-found', path };
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.page) {
    case 'apps':
      return '#/apps';
    case 'app':
      return `#/apps/${e(route.appId)}`;
    case 'campaigns':
      return `#/apps/${e(route.appId)}/campaigns`;
    case 'new-campaign':
      return `#/apps/${e(route.appId)}/campaigns/new`;
    case 'campaign':
      return `#/apps/${e(route.appId)}/campaigns/${e(route.campaignId)}`;
    case 'not-found':
      return `#${route.path}`;
  }
}
