// The renderers of every message format (see contract.ts for what the core and the browser tests rely on).
import type { SdkMessage } from '../model';
import type { RenderOptions, RenderedMessage, Renderers } from './contract';
import { showBanner } from './banner';
import { showCarousel } from './carousel';
import { showImageOnly, showModal } from './dialog';
import { showHtml } from './html';
import { renderInbox } from './inbox';
import { showSurvey } from './survey';
import { showTooltip } from './tooltip';

export type * from './contract';

function show(message: SdkMessage, options: RenderOptions): RenderedMessage | null {
  switch (message.message.format) {
    case 'BANNER':
      return showBanner(message, options);
    case 'MODAL':
      return showModal(message, options, false);
    case 'FULL_SCREEN':
      return showModal(message, options, true);
    case 'IMAGE_ONLY':
      return showImageOnly(message, options);
    case 'CAROUSEL':
      return showCarousel(message, options);
    case 'SURVEY':
      return showSurvey(message, options);
    case 'TOOLTIP':
      return showTooltip(message, options);
    case 'HTML':
      return showHtml(message, options);
    case 'CARD': // drawn by inbox()
    case 'CUSTOM_JSON': // headless: the app draws it
      return null;
    default:
      console.warn(`[marquee] unknown message format ${JSON.stringify(message.message.format)}`);
      return null;
  }
}

export const renderers: Renderers = { show, inbox: renderInbox };
