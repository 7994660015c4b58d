// The preview frame: draws the message the editor posts with the web SDK's own renderers, in this document (its
// focus trap and fixed layout stay inside the frame; the frame's width is the device size).
import { renderers, type RenderedMessage } from '@marquee/sdk-web';
import type { Message } from '@marquee/sdk-web';

let shown: RenderedMessage | null = null;
const noop = () => undefined;

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== window.location.origin) return;
  const data = event.data as { preview?: Message; scheme?: 'light' | 'dark' };
  if (!data.preview) return;
  shown?.close();
  shown = renderers.show(
    { campaignId: 'preview', version: 0, variant: 'A', message: data.preview },
    {
      root: document.getElementById('stage') ?? document.body,
      colorScheme: data.scheme ?? 'light',
      deepLinkSchemes: [],
      allowHtml: false,
      navigate: noop,
      callbacks: { impression: noop, click: noop, dismiss: noop, answer: noop },
    },
  );
});
window.parent.postMessage({ previewReady: true }, window.location.origin);
