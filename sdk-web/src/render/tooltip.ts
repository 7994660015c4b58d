// TOOLTIP: a bubble next to the element the app marks with data-marquee-anchor="<anchor>", on the chosen side
// (flipped to the other side when it does not fit) and kept inside the viewport. It follows the anchor on resize and
// scroll, hides while the anchor is out of the page, does not take focus (a non-modal dialog), and Esc closes it.
import type { SdkMessage } from '../model';
import type { RenderOptions, RenderedMessage } from './contract';
import { element, heading } from './elements';
import { Presentation } from './presentation';

type Placement = 'TOP' | 'BOTTOM' | 'LEFT' | 'RIGHT';

const GAP = 10;
const MARGIN = 8;
const OPPOSITE: Record<Placement, Placement> = { TOP: 'BOTTOM', BOTTOM: 'TOP', LEFT: 'RIGHT', RIGHT: 'LEFT' };

/** The element marked with this anchor name (compared as text: no selector is built from message data). */
function findAnchor(anchor: string): HTMLElement | null {
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-marquee-anchor]'))) {
    if (el.getAttribute('data-marquee-anchor') === anchor) return el;
  }
  return null;
}

export function showTooltip(message: SdkMessage, options: RenderOptions): RenderedMessage | null {
  const content = message.message;
  const anchor = content.tooltip?.anchor ? findAnchor(content.tooltip.anchor) : null;
  if (!anchor) return null;
  const wanted: Placement = content.tooltip?.placement ?? 'BOTTOM';

  const presentation = new Presentation(message, options, 'marquee-panel marquee-tooltip');
  const root = presentation.element;
  root.setAttribute('role', 'dialog');
  root.setAttribute('data-marquee-placement', wanted);
  if (content.title) {
    const title = heading('h2', content.title);
    root.append(title);
    root.setAttribute('aria-labelledby', title.id);
  } else {
    root.setAttribute('aria-label', presentation.labels.message);
  }
  if (content.body) {
    const body = element('p', 'marquee-text', content.body);
    root.append(body);
  }
  const buttons = presentation.buttons(content.buttons);
  if (buttons) root.append(buttons);
  root.append(presentation.closeControl());
  const arrow = element('span', 'marquee-arrow');
  arrow.setAttribute('aria-hidden', 'true');
  root.append(arrow);

  const place = () => position(root, arrow, anchor, wanted);
  let frame = 0;
  const schedule = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(place);
  };
  window.addEventListener('resize', schedule);
  window.addEventListener('scroll', schedule, { capture: true, passive: true });
  const resizes = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(schedule);
  resizes?.observe(anchor);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') presentation.dismiss();
  };
  document.addEventListener('keydown', onKeyDown);
  presentation.onClose(() => {
    cancelAnimationFrame(frame);
    window.removeEventListener('resize', schedule);
    window.removeEventListener('scroll', schedule, { capture: true });
    resizes?.disconnect();
    document.removeEventListener('keydown', onKeyDown);
  });

  presentation.attach();
  place();
  presentation.watchImpression(root);
  return presentation;
}

function fits(placement: Placement, a: DOMRect, width: number, height: number): boolean {
  switch (placement) {
    case 'TOP':
      return a.top - GAP - height >= MARGIN;
    case 'BOTTOM':
      return a.bottom + GAP + height <= window.innerHeight - MARGIN;
    case 'LEFT':
      return a.left - GAP - width >= MARGIN;
    case 'RIGHT':
      return a.right + GAP + width <= window.innerWidth - MARGIN;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/** Places the bubble beside the anchor (fixed positioning, viewport coordinates) and points the arrow at it. */
function position(root: HTMLElement, arrow: HTMLElement, anchor: HTMLElement, wanted: Placement): void {
  root.hidden = !anchor.isConnected;
  if (root.hidden) return;
  const a = anchor.getBoundingClientRect();
  const { width, height } = root.getBoundingClientRect();
  const placement =
    fits(wanted, a, width, height) || !fits(OPPOSITE[wanted], a, width, height) ? wanted : OPPOSITE[wanted];
  let top: number;
  let left: number;
  if (placement === 'TOP' || placement === 'BOTTOM') {
    top = placement === 'TOP' ? a.top - GAP - height : a.bottom + GAP;
    left = clamp(a.left + a.width / 2 - width / 2, MARGIN, window.innerWidth - MARGIN - width);
    arrow.style.left = `${clamp(a.left + a.width / 2 - left - 6, 12, width - 24)}px`;
    arrow.style.top = '';
  } else {
    left = placement === 'LEFT' ? a.left - GAP - width : a.right + GAP;
    top = clamp(a.top + a.height / 2 - height / 2, MARGIN, window.innerHeight - MARGIN - height);
    arrow.style.top = `${clamp(a.top + a.height / 2 - top - 6, 12, height - 24)}px`;
    arrow.style.left = '';
  }
  root.setAttribute('data-marquee-placement', placement);
  root.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}
