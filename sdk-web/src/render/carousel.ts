// CAROUSEL: 2–10 pages in a modal dialog, one at a time; Previous/Next buttons, ←/→ keys and horizontal swipes move
// between them, and an indicator says which page is shown.
import type { Page, SdkMessage } from '../model';
import type { RenderOptions, RenderedMessage } from './contract';
import { dialogFrame, showDialog } from './dialog';
import { element, heading, screenReaderText } from './elements';
import { image, type Presentation } from './presentation';

const SWIPE_PX = 50;

export function showCarousel(message: SdkMessage, options: RenderOptions): RenderedMessage | null {
  const pages = message.message.pages ?? [];
  if (pages.length === 0) return null;
  const dialog = dialogFrame(message, options, {
    layout: 'overlay',
    className: 'marquee-carousel',
    dismissOnOutsideClick: true,
  });
  const { presentation, panel } = dialog;
  const labels = presentation.labels;

  let label: HTMLElement | string = labels.message;
  if (message.message.title) {
    label = heading('h2', message.message.title);
    panel.append(label);
  }
  const pageElements = pages.map((page, index) => pageElement(presentation, page, index, pages.length));
  const firstTitle = pageElements[0].querySelector<HTMLElement>('.marquee-title');
  dialog.labelBy(typeof label === 'string' && firstTitle ? firstTitle : label);
  panel.append(...pageElements);

  const previous = navButton(labels.previous, 'data-marquee-prev');
  const next = navButton(labels.next, 'data-marquee-next');
  const indicator = element('div', 'marquee-indicator');
  const counter = element('span');
  counter.setAttribute('data-marquee-indicator', '');
  counter.setAttribute('aria-hidden', 'true');
  const spoken = screenReaderText('');
  spoken.setAttribute('aria-live', 'polite');
  const dots = element('div', 'marquee-dots');
  dots.setAttribute('aria-hidden', 'true');
  const dotElements = pages.map(() => dots.appendChild(element('span', 'marquee-dot')));
  indicator.append(counter, spoken, dots);
  const nav = element('div', 'marquee-nav');
  nav.append(previous, indicator, next);
  panel.append(nav);

  let current = 0;
  const go = (index: number) => {
    current = Math.min(Math.max(index, 0), pages.length - 1);
    const hadFocus = document.activeElement;
    pageElements.forEach((el, i) => (el.hidden = i !== current));
    dotElements.forEach((dot, i) => dot.toggleAttribute('data-current', i === current));
    counter.textContent = `${current + 1} / ${pages.length}`;
    spoken.textContent = pageLabel(labels.page, current, pages.length);
    previous.disabled = current === 0;
    next.disabled = current === pages.length - 1;
    // a disabled or hidden control loses focus: keep it on the way that is still open
    if (hadFocus instanceof HTMLElement && (hadFocus.closest('[hidden]') || (hadFocus as HTMLButtonElement).disabled)) {
      (next.disabled ? previous : next).focus();
    }
  };
  previous.addEventListener('click', () => go(current - 1));
  next.addEventListener('click', () => go(current + 1));
  presentation.element.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    if (event.key === 'ArrowLeft') go(current - 1);
    else if (event.key === 'ArrowRight') go(current + 1);
  });
  let swipeStart: number | undefined;
  panel.addEventListener('pointerdown', (event) => (swipeStart = event.clientX));
  panel.addEventListener('pointerup', (event) => {
    if (swipeStart === undefined) return;
    const delta = event.clientX - swipeStart;
    swipeStart = undefined;
    if (Math.abs(delta) >= SWIPE_PX) go(current + (delta < 0 ? 1 : -1));
  });
  go(0);
  return showDialog(dialog);
}

function pageElement(presentation: Presentation, page: Page, index: number, total: number): HTMLElement {
  const el = element('section', 'marquee-page');
  el.setAttribute('data-marquee-page', String(index));
  el.setAttribute('aria-roledescription', 'slide');
  el.setAttribute('aria-label', pageLabel(presentation.labels.page, index, total));
  const media = image(page.media);
  if (media) el.append(media);
  if (page.title) el.append(heading('h3', page.title));
  if (page.body) el.append(element('p', 'marquee-text', page.body));
  const buttons = presentation.buttons(page.buttons);
  if (buttons) el.append(buttons);
  return el;
}

function navButton(label: string, attribute: string): HTMLButtonElement {
  const button = element('button', 'marquee-button', label);
  button.type = 'button';
  button.setAttribute(attribute, '');
  return button;
}

function pageLabel(template: string, index: number, total: number): string {
  return template.replace('{current}', String(index + 1)).replace('{total}', String(total));
}
