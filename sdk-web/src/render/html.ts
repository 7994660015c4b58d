// HTML: marketer-authored HTML, only when the app opted in (`allowHtml`), in an iframe whose sandbox allows scripts
// but never allow-same-origin: the content runs in an opaque origin, with no access to the app's page, cookies or
// storage, and cannot navigate the top page. The message can close itself with
// `parent.postMessage({ marquee: 'dismiss' }, '*')`.
import type { SdkMessage } from '../model';
import type { RenderOptions, RenderedMessage } from './contract';
import { dialogFrame, showDialog } from './dialog';
import { element, heading } from './elements';

export const HTML_SANDBOX = 'allow-scripts';

export function showHtml(message: SdkMessage, options: RenderOptions): RenderedMessage | null {
  const html = message.message.html;
  if (!options.allowHtml) {
    console.info('[marquee] HTML message not shown: the app did not opt in (allowHtml)');
    return null;
  }
  if (typeof html !== 'string' || html.trim() === '') return null;
  const dialog = dialogFrame(message, options, {
    layout: 'overlay',
    className: 'marquee-html',
    dismissOnOutsideClick: true,
  });
  const { presentation, panel } = dialog;
  const name = message.message.title || presentation.labels.message;
  if (message.message.title) {
    const title = heading('h2', message.message.title);
    panel.append(title);
    dialog.labelBy(title);
  } else {
    dialog.labelBy(name);
  }
  const frame = element('iframe', 'marquee-frame');
  frame.setAttribute('sandbox', HTML_SANDBOX);
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.title = name;
  frame.srcdoc = html;
  panel.append(frame);

  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || event.source === null) return;
    const data = event.data as { marquee?: unknown } | null;
    if (data && typeof data === 'object' && data.marquee === 'dismiss') presentation.dismiss();
  };
  window.addEventListener('message', onMessage);
  presentation.onClose(() => window.removeEventListener('message', onMessage));
  return showDialog(dialog);
}
