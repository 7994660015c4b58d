// Public entry point of the web SDK: `Marquee.init(…)` returns a client and also makes it the default one, so that
// `Marquee.track(…)`, `Marquee.screen(…)` and the rest can be called without keeping it (see README, "API").
import { createMarquee } from './core/entry';
import { renderers } from './render/index';

export type * from './model';
export type { MarqueeClient, MarqueeConfig } from './core/client';
export type { DebugEntry, DebugListener, DebugReason } from './core/debug';
export type { MarqueeApi } from './core/entry';
export type { InboxState } from './core/inbox';
export type { KeyValueStorage } from './core/storage';
export type { InboxCard, RenderLabels } from './render/contract';

// The renderers alone, for a page that draws messages itself without a client (the console's live preview).
export { renderers };
export type { RenderOptions, RenderedMessage, Renderers } from './render/contract';

export const version = '0.1.0';

export const Marquee = createMarquee(renderers);

export default Marquee;
