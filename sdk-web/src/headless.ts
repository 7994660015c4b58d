// Headless entry of the web SDK (`@marquee/sdk-web/headless`, dist/headless.js): the same client and API as
// src/marquee.ts without any renderer, for an app that renders its own messages. Every message goes to `onMessage`
// (required here); the app reports what it did with `logImpression`, `logClick`, `logDismiss`, `logAnswer`, and
// reads the card feed with `inbox()` / `refreshInbox()`. Nothing of src/render/ is imported (only its types), so no
// renderer, style sheet or DOM code is shipped; a test checks the built bundle.
import type { MarqueeClient, MarqueeConfig } from './core/client';
import { createMarquee } from './core/entry';
import type { Renderers } from './render/contract';

export type * from './model';
export type { MarqueeClient, MarqueeConfig } from './core/client';
export type { DebugEntry, DebugListener, DebugReason } from './core/debug';
export type { InboxState } from './core/inbox';
export type { KeyValueStorage } from './core/storage';
export type { InboxCard } from './render/contract';

/** The options of the headless client: no rendering options, and `onMessage` is required. */
export type HeadlessConfig = Omit<MarqueeConfig, 'theme' | 'allowHtml' | 'inbox' | 'labels' | 'onMessage'> &
  Required<Pick<MarqueeConfig, 'onMessage'>>;

export const version = '0.1.0';

/** Never called: with `onMessage` the client hands every message to the app, and no inbox container is given. */
const noRenderers: Renderers = {
  show: () => null,
  inbox: () => 0,
};

const base = createMarquee(noRenderers);

export const Marquee = {
  ...base,
  /** As `Marquee.init` of the full SDK; `onMessage` is required, rendering options are ignored. */
  init(config: HeadlessConfig): Promise<MarqueeClient> {
    if (typeof config?.onMessage !== 'function') {
      throw new TypeError('Marquee.init: onMessage is required by the headless SDK');
    }
    const { theme: _t, allowHtml: _h, inbox: _i, labels: _l, ...rest } = config as MarqueeConfig;
    return base.init(rest);
  },
};

export type HeadlessMarqueeApi = typeof Marquee;

export default Marquee;
