// The link policy of the SDK, the same as the server's (contracts LinkPolicy), and the only one: the renderers apply
// it before reporting a click, the core again before navigating. Allowed: an https URL with a host, or a deep link
// with one of the app's own schemes. Everything else (javascript:, data:, http:, file:, …) is refused and never
// navigated, even a scheme an app listed as a deep link by mistake.

/** Schemes that are never a deep link, even if an app listed one by mistake. */
const NEVER_DEEP_LINKS = new Set([
  'http',
  'https',
  'javascript',
  'data',
  'file',
  'vbscript',
  'blob',
  'about',
  'content',
  'intent',
]);

function parse(url: string | undefined): URL | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** An https URL with a host, normalized (what was checked is what is used), or null. */
export function httpsUrl(url: string | undefined): string | null {
  const parsed = parse(url);
  return parsed && parsed.protocol === 'https:' && parsed.hostname !== '' ? parsed.href : null;
}

/**
 * The URL a button may open: https with a host, or a deep link with one of the app's schemes. Returns the normalized
 * URL to navigate to, or null when the policy refuses it.
 */
export function allowedLink(url: string | undefined, deepLinkSchemes: readonly string[]): string | null {
  const https = httpsUrl(url);
  if (https) return https;
  const parsed = parse(url);
  if (!parsed) return null;
  const scheme = parsed.protocol.slice(0, -1).toLowerCase();
  if (NEVER_DEEP_LINKS.has(scheme)) return null;
  const allowed = deepLinkSchemes.some((s) => s.replace(/:$/, '').toLowerCase() === scheme);
  return allowed ? parsed.href : null;
}

/** `allowedLink` as a yes/no. */
export function isAllowedLink(url: string | undefined, deepLinkSchemes: readonly string[]): boolean {
  return allowedLink(url, deepLinkSchemes) !== null;
}
