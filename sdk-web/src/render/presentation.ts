// One message on screen: its root element and data-* attributes, theme, close control, buttons and their actions,
// impression, and what to undo when it goes away.
import type { Button, Media, SdkMessage } from '../model';
import type { RenderLabels, RenderOptions, RenderedMessage } from './contract';
import { element } from './elements';
import { labelsOf } from './labels';
import { allowedLink, httpsUrl, refuse } from './links';
import { injectStyles } from './styles';
import { applyTheme } from './theme';
import { whenVisible } from './visibility';

export function navigateWith(options: Pick<RenderOptions, 'navigate'>): (url: string) => void {
  return options.navigate ?? ((url: string) => window.location.assign(url));
}

/** An https image with its alt text, or null (and a warning) when the URL is not https. */
export function image(media: Media | undefined, className = 'marquee-media'): HTMLImageElement | null {
  if (!media) return null;
  const src = httpsUrl(media.url);
  if (!src) {
    refuse('image', media.url);
    return null;
  }
  const img = element('img', className);
  img.src = src;
  img.alt = media.alt ?? '';
  img.decoding = 'async';
  return img;
}

/** The buttons of a message: the first is the primary one. Returns null when there are none. */
export function buttonRow(buttons: Button[] | undefined, onActivate: (button: Button) => void): HTMLElement | null {
  if (!buttons || buttons.length === 0) return null;
  const row = element('div', 'marquee-actions');
  buttons.forEach((button, index) => {
    const control = element('button', index === 0 ? 'marquee-button marquee-primary' : 'marquee-button', button.label);
    control.type = 'button';
    control.setAttribute('data-marquee-button', button.id);
    control.addEventListener('click', () => onActivate(button));
    row.append(control);
  });
  return row;
}

export function closeButton(labels: RenderLabels, onActivate: () => void): HTMLButtonElement {
  const control = element('button', 'marquee-close');
  control.type = 'button';
  control.setAttribute('data-marquee-close', '');
  control.setAttribute('aria-label', labels.close);
  const glyph = element('span', undefined, '×');
  glyph.setAttribute('aria-hidden', 'true');
  control.append(glyph);
  control.addEventListener('click', onActivate);
  return control;
}

export class Presentation implements RenderedMessage {
  readonly element: HTMLElement;
  readonly labels: RenderLabels;
  private readonly host: HTMLElement;
  private readonly cleanups: Array<() => void> = [];
  private closed = false;
  private finished = false;

  constructor(
    readonly sdkMessage: SdkMessage,
    readonly options: RenderOptions,
    className: string,
  ) {
    this.host = options.root ?? document.body;
    this.labels = labelsOf(options.labels);
    injectStyles(this.host);
    this.element = element('div', `marquee-root ${className}`);
    this.element.setAttribute('data-marquee-message', sdkMessage.campaignId);
    this.element.setAttribute('data-marquee-format', sdkMessage.message.format);
    // screen readers pronounce the message in its own language, which may not be the page's
    const lang = languageTag(sdkMessage.locale);
    if (lang) this.element.lang = lang;
    this.onClose(applyTheme(this.element, sdkMessage.message.theme, options.colorScheme ?? 'auto'));
  }

  get message() {
    return this.sdkMessage.message;
  }

  attach(): void {
    this.host.append(this.element);
  }

  /** Something to undo when the message goes away (timers, listeners, focus trap). */
  onClose(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /** Impression once `target` (the visible part of the message) is really visible. */
  watchImpression(target: HTMLElement): void {
    this.onClose(whenVisible(target, () => this.options.callbacks.impression()));
  }

  closeControl(): HTMLButtonElement {
    return closeButton(this.labels, () => this.dismiss());
  }

  buttons(buttons: Button[] | undefined): HTMLElement | null {
    return buttonRow(buttons, (button) => this.activate(button));
  }

  /** The user completed the message (a survey answered): closing it from now on is not a dismissal. */
  finish(): void {
    this.finished = true;
  }

  activate(button: Button): void {
    if (this.closed) return;
    switch (button.action) {
      case 'DISMISS':
        this.dismiss();
        return;
      case 'URL':
      case 'DEEP_LINK': {
        const url = allowedLink(button.url, this.options.deepLinkSchemes);
        if (!url) {
          refuse(`link of button "${button.id}"`, button.url);
          return;
        }
        this.options.callbacks.click(button);
        this.close();
        navigateWith(this.options)(url);
        return;
      }
      case 'LOG_EVENT':
        this.options.callbacks.click(button);
        this.close();
        return;
      default:
        console.warn(`[marquee] button "${button.id}" has an unknown action ${JSON.stringify(button.action)}`);
    }
  }

  /** Closed by the user: the core records a dismissal (unless the message was completed). */
  dismiss(): void {
    if (this.closed) return;
    if (!this.finished) this.options.callbacks.dismiss();
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
    this.element.remove();
  }
}

/**
 * The message's language for `lang`, or undefined when the server used the campaign's default texts (it answers the
 * locale `default` then, which is not a language tag: the page's language applies).
 */
export function languageTag(locale: string | undefined): string | undefined {
  return locale && locale !== 'default' ? locale : undefined;
}
