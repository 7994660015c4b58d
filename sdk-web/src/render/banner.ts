// BANNER: a strip at the top or bottom of the page. It never takes focus (role="region", labelled); its auto-dismiss
// timer pauses while the pointer or focus is on it, so a user who is reading or acting is never cut short.
import type { SdkMessage } from '../model';
import type { RenderOptions, RenderedMessage } from './contract';
import { element, heading } from './elements';
import { image, Presentation } from './presentation';

export function showBanner(message: SdkMessage, options: RenderOptions): RenderedMessage {
  const content = message.message;
  const position = content.banner?.position === 'TOP' ? 'TOP' : 'BOTTOM';
  const presentation = new Presentation(message, options, 'marquee-banner');
  const root = presentation.element;
  root.setAttribute('data-marquee-position', position);
  root.setAttribute('role', 'region');

  const panel = element('div', 'marquee-panel');
  const media = image(content.media);
  if (media) panel.append(media);
  const text = element('div', 'marquee-content');
  text.setAttribute('role', 'status');
  if (content.title) {
    const title = heading('h2', content.title);
    text.append(title);
    root.setAttribute('aria-labelledby', title.id);
  } else {
    root.setAttribute('aria-label', presentation.labels.message);
  }
  if (content.body) text.append(element('p', 'marquee-text', content.body));
  panel.append(text);
  const buttons = presentation.buttons(content.buttons);
  if (buttons) panel.append(buttons);
  panel.append(presentation.closeControl());
  root.append(panel);

  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') presentation.dismiss();
  });
  const seconds = content.banner?.autoDismissSeconds;
  if (typeof seconds === 'number' && seconds > 0) autoDismiss(presentation, panel, seconds * 1000);

  presentation.attach();
  presentation.watchImpression(panel);
  return presentation;
}

function autoDismiss(presentation: Presentation, panel: HTMLElement, millis: number): void {
  let remaining = millis;
  let startedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hovered = false;
  let focused = false;
  const run = () => {
    if (timer !== undefined || hovered || focused) return;
    startedAt = Date.now();
    timer = setTimeout(() => presentation.dismiss(), remaining);
  };
  const pause = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    remaining = Math.max(0, remaining - (Date.now() - startedAt));
  };
  panel.addEventListener('pointerenter', () => {
    hovered = true;
    pause();
  });
  panel.addEventListener('pointerleave', () => {
    hovered = false;
    run();
  });
  panel.addEventListener('focusin', () => {
    focused = true;
    pause();
  });
  panel.addEventListener('focusout', (event) => {
    if (event.relatedTarget instanceof Node && panel.contains(event.relatedTarget)) return;
    focused = false;
    run();
  });
  run();
  presentation.onClose(() => clearTimeout(timer));
}
