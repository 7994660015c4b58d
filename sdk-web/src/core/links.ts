// The link policy: `https:` and the app's deep-link schemes, nothing else (no `javascript:`, `data:`, `http:`).
// The renderers apply it before calling `click`; the core applies it again before navigating.

export function allowedLink(url: string, deepLinkSchemes: string[]): boolean {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim());
  if (!match) {
    return false;
  }
  const scheme = match[1].toLowerCase();
  if (scheme === 'https') {
    try {
      return new URL(url).protocol === 'https:';
    } catch {
      return false;
    }
  }
  return deepLinkSchemes.some((allowed) => allowed.replace(/:$/, '').toLowerCase() === scheme);
}
