// The card inbox: a feed of CARD messages, pinned cards first then the newest, expired cards left out. Each card has
// an unread dot until it is seen (visible in the feed, or a button used), the header an unread-count badge, and an
// archive control that removes the card.
import type { Button } from '../model';
import type { InboxCard, InboxOptions, RenderLabels } from './contract';
import { element, heading, screenReaderText } from './elements';
import { labelsOf } from './labels';
import { allowedLink, refuse } from './links';
import { buttonRow, closeButton, image, languageTag, navigateWith } from './presentation';
import { injectStyles } from './styles';
import { applyTheme } from './theme';
import { whenVisible } from './visibility';

/** What the previous feed drawn in a container still listens to. */
const previousFeeds = new WeakMap<HTMLElement, () => void>();

function pinned(card: InboxCard): boolean {
  return card.pinned ?? card.message.card?.pinned ?? false;
}

function expired(card: InboxCard, now: number): boolean {
  const expiresAt = card.expiresAt ?? card.message.card?.expiresAt;
  return expiresAt !== undefined && Date.parse(expiresAt) <= now;
}

function received(card: InboxCard): number {
  const at = card.receivedAt ? Date.parse(card.receivedAt) : NaN;
  return Number.isNaN(at) ? -Infinity : at;
}

/** Pinned first, then the most recently received (cards without a date keep their order, after dated ones). */
export function feedOrder(cards: InboxCard[], now = Date.now()): InboxCard[] {
  return cards
    .filter((card) => !expired(card, now))
    .map((card, index) => ({ card, index }))
    .sort(
      (a, b) =>
        Number(pinned(b.card)) - Number(pinned(a.card)) ||
        received(b.card) - received(a.card) ||
        a.index - b.index,
    )
    .map(({ card }) => card);
}

export function renderInbox(container: HTMLElement, cards: InboxCard[], options: InboxOptions): number {
  previousFeeds.get(container)?.();
  injectStyles(container);
  const labels = labelsOf(options.labels);
  const cleanups: Array<() => void> = [];
  previousFeeds.set(container, () => cleanups.splice(0).forEach((cleanup) => cleanup()));

  const feed = element('section', 'marquee-root marquee-inbox');
  feed.setAttribute('data-marquee-inbox', '');
  cleanups.push(applyTheme(feed, undefined, options.colorScheme ?? 'auto'));
  const header = heading('h2', labels.inbox, 'marquee-inbox-header');
  header.tabIndex = -1;
  feed.setAttribute('aria-labelledby', header.id);
  const badge = element('span', 'marquee-badge');
  badge.setAttribute('data-marquee-unread', '');
  header.append(' ', badge, screenReaderText(` ${labels.unread}`));
  feed.append(header);

  const shown = feedOrder(cards);
  // the caller's cards are left as they are: what was read in this feed is kept here
  const unreadCards = new Set(shown.filter((card) => !card.read));
  const initialUnread = unreadCards.size;
  const updateBadge = () => {
    badge.textContent = String(unreadCards.size);
    badge.hidden = unreadCards.size === 0;
  };
  updateBadge();

  const list = element('ul', 'marquee-cards');
  list.setAttribute('role', 'list');
  const empty = element('p', 'marquee-empty', labels.empty);
  empty.hidden = shown.length > 0;

  const markRead = (card: InboxCard, el: HTMLElement) => {
    if (!unreadCards.delete(card)) return;
    el.setAttribute('data-unread', 'false');
    const dot = el.querySelector('.marquee-card-unread');
    const meta = dot?.parentElement;
    dot?.remove();
    if (meta && meta.childElementCount === 0) meta.remove();
    updateBadge();
    options.callbacks.read(card);
  };
  const archive = (card: InboxCard, item: HTMLLIElement) => {
    unreadCards.delete(card);
    updateBadge();
    const next = item.nextElementSibling ?? item.previousElementSibling;
    item.remove();
    options.callbacks.archive(card);
    empty.hidden = list.children.length > 0;
    (next?.querySelector<HTMLElement>('[data-marquee-archive]') ?? header).focus();
  };
  const activate = (card: InboxCard, el: HTMLElement, item: HTMLLIElement, button: Button) => {
    if (button.action === 'DISMISS') {
      archive(card, item);
      return;
    }
    if (button.action === 'URL' || button.action === 'DEEP_LINK') {
      const url = allowedLink(button.url, options.deepLinkSchemes);
      if (!url) {
        refuse(`link of button "${button.id}"`, button.url);
        return;
      }
      options.callbacks.click(card, button);
      markRead(card, el);
      navigateWith(options)(url);
      return;
    }
    options.callbacks.click(card, button);
    markRead(card, el);
  };

  for (const card of shown) {
    const item = element('li');
    const el = cardElement(card, labels);
    el.append(closeArchive(card, labels, () => archive(card, item)));
    const buttons = buttonRow(card.message.buttons, (button) => activate(card, el, item, button));
    if (buttons) el.append(buttons);
    cleanups.push(applyTheme(el, card.message.theme, options.colorScheme ?? 'auto'));
    cleanups.push(
      whenVisible(el, () => {
        options.callbacks.impression(card);
        markRead(card, el);
      }),
    );
    item.append(el);
    list.append(item);
  }
  feed.append(list, empty);
  container.replaceChildren(feed);
  return initialUnread;
}

function cardElement(card: InboxCard, labels: RenderLabels): HTMLElement {
  const content = card.message;
  const el = element('article', 'marquee-panel marquee-card');
  el.setAttribute('data-marquee-card', card.campaignId);
  el.setAttribute('data-marquee-format', 'CARD');
  el.setAttribute('data-unread', String(!card.read));
  const lang = languageTag(card.locale);
  if (lang) el.lang = lang;
  const meta = element('p', 'marquee-card-meta');
  if (!card.read) {
    const unread = element('span', 'marquee-card-unread');
    const dot = element('span', 'marquee-unread-dot');
    dot.setAttribute('aria-hidden', 'true');
    unread.append(dot, screenReaderText(labels.unread));
    meta.append(unread);
  }
  if (pinned(card)) meta.append(element('span', undefined, labels.pinned));
  if (meta.childElementCount > 0) el.append(meta);
  const media = image(content.media);
  if (media) el.append(media);
  const title = heading('h3', content.title ?? labels.message);
  el.setAttribute('aria-labelledby', title.id);
  el.append(title);
  if (content.body) el.append(element('p', 'marquee-text', content.body));
  return el;
}

function closeArchive(card: InboxCard, labels: RenderLabels, onArchive: () => void): HTMLButtonElement {
  const control = closeButton(labels, onArchive);
  control.removeAttribute('data-marquee-close');
  control.setAttribute('data-marquee-archive', card.campaignId);
  control.setAttribute('aria-label', `${labels.archive}: ${card.message.title ?? labels.message}`);
  return control;
}
