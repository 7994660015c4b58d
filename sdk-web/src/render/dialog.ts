// Modal dialogs (modal, full-screen, image-only, and the frame of carousel, survey and HTML messages): role="dialog",
// aria-modal, labelled by the title, focus trapped inside, Esc closes, focus restored on close.
import type { SdkMessage } from '../model';
import type { RenderOptions, RenderedMessage } from './contract';
import { element, heading } from './elements';
import { trapFocus } from './focus';
import { image, Presentation } from './presentation';

export interface DialogSetup {
  /** 'overlay': a centred panel over a dimmed page; 'fullscreen': covers the page */
  layout: 'overlay' | 'fullscreen';
  /** the format's own class (marquee-modal, marquee-survey, …) */
  className: string;
  /** a click on the dimmed page outside the panel dismisses */
  dismissOnOutsideClick: boolean;
}

export interface OpenDialog {
  presentation: Presentation;
  panel: HTMLElement;
  /** labels the dialog by this heading (or by `label` when there is no visible title) */
  labelBy(title: HTMLElement | string): void;
}

/** Builds the dialog frame; the caller fills `panel`, then calls `show`. */
export function dialogFrame(message: SdkMessage, options: RenderOptions, setup: DialogSetup): OpenDialog {
  const layoutClass = setup.layout === 'overlay' ? 'marquee-overlay' : 'marquee-fullscreen';
  const presentation = new Presentation(message, options, `${layoutClass} ${setup.className}`);
  const root = presentation.element;
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  const panel = element('div', 'marquee-panel');
  panel.append(presentation.closeControl());
  root.append(panel);
  if (setup.dismissOnOutsideClick) {
    // both ends on the dimmed page: a text selection dragged out of the panel is not a click outside
    let pressedOutside = false;
    root.addEventListener('pointerdown', (event) => (pressedOutside = event.target === root));
    root.addEventListener('click', (event) => {
      if (event.target === root && pressedOutside) presentation.dismiss();
      pressedOutside = false;
    });
  }
  return {
    presentation,
    panel,
    labelBy(title) {
      if (typeof title === 'string') {
        root.removeAttribute('aria-labelledby');
        root.setAttribute('aria-label', title);
      } else {
        root.removeAttribute('aria-label');
        root.setAttribute('aria-labelledby', title.id);
      }
    },
  };
}

/** Attaches a built dialog: focus moves in and is trapped, Esc dismisses, the impression is watched. */
export function showDialog(dialog: OpenDialog): RenderedMessage {
  const { presentation, panel } = dialog;
  presentation.attach();
  presentation.onClose(trapFocus(presentation.element, () => presentation.dismiss()));
  presentation.watchImpression(panel);
  return presentation;
}

/** MODAL (title, body, optional media and buttons) and FULL_SCREEN (the same, covering the page). */
export function showModal(message: SdkMessage, options: RenderOptions, fullScreen: boolean): RenderedMessage {
  const dialog = dialogFrame(message, options, {
    layout: fullScreen ? 'fullscreen' : 'overlay',
    className: fullScreen ? 'marquee-full-screen' : 'marquee-modal',
    dismissOnOutsideClick: !fullScreen,
  });
  const { presentation, panel } = dialog;
  const content = presentation.message;
  const media = image(content.media);
  if (media) panel.append(media);
  if (content.title) {
    const title = heading('h2', content.title);
    panel.append(title);
    dialog.labelBy(title);
  } else {
    dialog.labelBy(content.media?.alt || presentation.labels.message);
  }
  if (content.body) panel.append(element('p', 'marquee-text', content.body));
  const buttons = presentation.buttons(content.buttons);
  if (buttons) panel.append(buttons);
  return showDialog(dialog);
}

/** IMAGE_ONLY: the image is the message, labelled by its alt text; optional buttons under it. */
export function showImageOnly(message: SdkMessage, options: RenderOptions): RenderedMessage | null {
  const media = image(message.message.media);
  if (!media) return null;
  const dialog = dialogFrame(message, options, {
    layout: 'overlay',
    className: 'marquee-image',
    dismissOnOutsideClick: true,
  });
  const { presentation, panel } = dialog;
  panel.append(media);
  dialog.labelBy(message.message.media?.alt || presentation.labels.message);
  const buttons = presentation.buttons(message.message.buttons);
  if (buttons) panel.append(buttons);
  return showDialog(dialog);
}
