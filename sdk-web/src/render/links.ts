// The renderers use the SDK's one link policy (src/core/links.ts); this file only adds how a refusal is reported.
export { allowedLink, httpsUrl } from '../core/links';

export function refuse(what: string, url: string | undefined): void {
  console.warn(`[marquee] refused ${what} ${JSON.stringify(url)}: only https and the app's deep-link schemes are allowed`);
}
