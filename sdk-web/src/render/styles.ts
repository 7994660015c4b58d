// The renderers' styles: injected once per document (or shadow root) as one <style> element. Everything is scoped
// under `.marquee-root`; nothing touches the app's own elements.

const CSS = `
.marquee-root{--marquee-radius:12px;font-family:var(--marquee-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);font-size:16px;line-height:1.5;color:var(--marquee-text);text-align:start;-webkit-text-size-adjust:100%;z-index:2147483000}
.marquee-root,.marquee-root *,.marquee-root *::before,.marquee-root *::after{box-sizing:border-box}
.marquee-root [hidden]{display:none!important}
.marquee-root :focus{outline:none}
.marquee-root :focus-visible{outline:3px solid var(--marquee-focus);outline-offset:2px}
.marquee-sr-only{position:absolute!important;width:1px!important;height:1px!important;padding:0!important;margin:-1px!important;overflow:hidden!important;clip:rect(0,0,0,0)!important;white-space:nowrap!important;border:0!important}
.marquee-panel{position:relative;background:var(--marquee-bg);color:var(--marquee-text);border-radius:var(--marquee-radius);box-shadow:0 12px 40px rgba(0,0,0,.3)}
.marquee-title{margin:0 0 .5rem;padding-inline-end:2.5rem;font-size:1.25rem;line-height:1.3;font-weight:700;color:inherit}
.marquee-text{margin:0 0 1rem;color:inherit;white-space:pre-line;overflow-wrap:anywhere}
.marquee-media{display:block;width:100%;height:auto;max-height:40vh;object-fit:cover;margin:0 0 1rem;border-radius:max(0px,calc(var(--marquee-radius) - 4px))}
.marquee-actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}
.marquee-button{flex:1 1 auto;min-width:48px;min-height:48px;padding:.625rem 1.25rem;border:2px solid var(--marquee-button);border-radius:max(8px,calc(var(--marquee-radius) - 4px));background:transparent;color:var(--marquee-text);font:inherit;font-weight:600;line-height:1.2;cursor:pointer}
.marquee-button.marquee-primary{background:var(--marquee-button);color:var(--marquee-button-text)}
.marquee-button:hover{filter:brightness(1.08)}
.marquee-button:disabled{opacity:.45;cursor:default}
.marquee-close{position:absolute;top:4px;inset-inline-end:4px;display:inline-flex;align-items:center;justify-content:center;width:48px;height:48px;padding:0;border:0;border-radius:50%;background:transparent;color:var(--marquee-text);font:inherit;font-size:28px;line-height:1;cursor:pointer;z-index:1}
.marquee-close:hover{background:rgba(127,127,127,.18)}
.marquee-overlay{position:fixed;inset:0;display:flex;align-items:center;justify-content:center;padding:1rem;background:rgba(0,0,0,.55);animation:marquee-fade .2s ease-out}
.marquee-overlay>.marquee-panel{width:min(100%,28rem);max-height:100%;overflow:auto;padding:1.5rem;animation:marquee-pop .2s ease-out}
.marquee-fullscreen{position:fixed;inset:0;display:flex;overflow:auto;background:var(--marquee-bg);animation:marquee-fade .2s ease-out}
.marquee-fullscreen>.marquee-panel{width:min(100%,40rem);margin:auto;padding:4rem 1.5rem calc(2rem + env(safe-area-inset-bottom));box-shadow:none;border-radius:0}
.marquee-fullscreen .marquee-title{font-size:1.75rem}
.marquee-fullscreen .marquee-close{position:fixed;top:calc(8px + env(safe-area-inset-top));inset-inline-end:8px}
.marquee-image>.marquee-panel{padding:0;overflow:hidden;width:auto;max-width:min(100%,36rem)}
.marquee-image .marquee-media{max-height:80vh;margin:0;border-radius:0;object-fit:contain}
.marquee-image .marquee-actions{margin:0;padding:.75rem}
.marquee-image .marquee-close{background:var(--marquee-bg);box-shadow:0 1px 4px rgba(0,0,0,.3)}
.marquee-banner{position:fixed;left:0;right:0;display:flex;justify-content:center;padding:.5rem;pointer-events:none}
.marquee-banner[data-marquee-position="TOP"]{top:0;padding-top:calc(.5rem + env(safe-area-inset-top));animation:marquee-drop .25s ease-out}
.marquee-banner[data-marquee-position="BOTTOM"]{bottom:0;padding-bottom:calc(.5rem + env(safe-area-inset-bottom));animation:marquee-rise .25s ease-out}
.marquee-banner>.marquee-panel{pointer-events:auto;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;width:min(100%,48rem);padding-block:.75rem;padding-inline:1rem 3.5rem}
.marquee-banner .marquee-media{width:48px;height:48px;margin:0;flex:none}
.marquee-banner .marquee-content{flex:1 1 10rem;min-width:0}
.marquee-banner .marquee-title{font-size:1rem;margin:0;padding:0}
.marquee-banner .marquee-text{margin:0}
.marquee-banner .marquee-actions{margin:0;flex:0 1 auto}
.marquee-tooltip{position:fixed;top:0;left:0;width:max-content;max-width:min(20rem,calc(100vw - 16px));padding-block:.75rem;padding-inline:1rem 3.25rem;animation:marquee-fade .2s ease-out}
.marquee-tooltip .marquee-title{font-size:1rem;padding:0}
.marquee-tooltip .marquee-text{margin:0}
.marquee-arrow{position:absolute;width:12px;height:12px;background:var(--marquee-bg);transform:rotate(45deg)}
.marquee-tooltip[data-marquee-placement="BOTTOM"] .marquee-arrow{top:-6px}
.marquee-tooltip[data-marquee-placement="TOP"] .marquee-arrow{bottom:-6px}
.marquee-tooltip[data-marquee-placement="LEFT"] .marquee-arrow{right:-6px}
.marquee-tooltip[data-marquee-placement="RIGHT"] .marquee-arrow{left:-6px}
.marquee-carousel>.marquee-panel{width:min(100%,32rem)}
.marquee-page .marquee-title{font-size:1.125rem;padding-inline-end:0}
.marquee-nav{display:flex;align-items:center;justify-content:space-between;gap:.5rem;margin-top:1rem}
.marquee-nav .marquee-button{flex:0 0 auto;padding:.5rem 1rem}
.marquee-indicator{display:flex;flex-direction:column;align-items:center;gap:.25rem;font-size:.875rem;font-weight:600}
.marquee-dots{display:flex;gap:6px}
.marquee-dot{width:8px;height:8px;border-radius:50%;border:1px solid var(--marquee-text)}
.marquee-dot[data-current]{background:var(--marquee-text)}
.marquee-survey>.marquee-panel{width:min(100%,40rem)}
.marquee-question{margin:0 0 1.25rem;padding:0;border:0;min-width:0}
.marquee-prompt{margin:0 0 .5rem;padding:0;font-weight:600;color:inherit}
.marquee-nps{display:grid;grid-template-columns:repeat(auto-fill,minmax(48px,1fr));gap:2px}
.marquee-nps-option{min-width:48px;min-height:48px;padding:0;border:2px solid var(--marquee-border);border-radius:8px;background:transparent;color:var(--marquee-text);font:inherit;font-weight:600;cursor:pointer}
.marquee-nps-option[aria-pressed="true"]{background:var(--marquee-button);border-color:var(--marquee-button);color:var(--marquee-button-text)}
.marquee-scale{display:flex;justify-content:space-between;margin-top:.25rem;font-size:.875rem}
.marquee-choice{display:flex;align-items:center;gap:.75rem;min-height:48px;margin:0 0 .5rem;padding:.5rem .75rem;border:2px solid var(--marquee-border);border-radius:8px;cursor:pointer}
.marquee-choice input{flex:none;width:24px;height:24px;margin:0;accent-color:var(--marquee-button)}
.marquee-textarea{display:block;width:100%;min-height:6rem;padding:.75rem;border:2px solid var(--marquee-border);border-radius:8px;background:var(--marquee-bg);color:var(--marquee-text);font:inherit;resize:vertical}
.marquee-error{margin:.25rem 0 0;font-weight:600;color:var(--marquee-text)}
.marquee-question[data-invalid]{padding-inline-start:.75rem;border-inline-start:4px solid var(--marquee-text)}
.marquee-thanks{padding:1rem 0;text-align:center}
.marquee-html>.marquee-panel{width:min(100%,32rem);padding:3.5rem 0 0;overflow:hidden}
.marquee-html .marquee-title{padding-block:0;padding-inline:1.5rem 3.5rem;margin-top:-2.5rem}
.marquee-frame{display:block;width:100%;height:min(70vh,32rem);border:0;background:#fff}
.marquee-inbox{display:block;padding:1rem;background:var(--marquee-bg);color:var(--marquee-text);border-radius:var(--marquee-radius);z-index:auto}
.marquee-inbox-header{display:flex;align-items:center;gap:.5rem;margin:0 0 1rem;font-size:1.25rem;font-weight:700}
.marquee-badge{display:inline-flex;align-items:center;justify-content:center;min-width:1.75rem;height:1.75rem;padding:0 .5rem;border-radius:999px;background:var(--marquee-button);color:var(--marquee-button-text);font-size:.875rem;font-weight:700}
.marquee-cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.marquee-card{position:relative;padding-block:1rem;padding-inline:1rem 3.5rem;border:1px solid var(--marquee-border);box-shadow:none}
.marquee-card .marquee-title{font-size:1.0625rem;padding:0;margin:0 0 .25rem}
.marquee-card .marquee-text{margin:0}
.marquee-card .marquee-media{max-height:12rem;margin:0 0 .75rem}
.marquee-card-meta{display:flex;align-items:center;gap:.5rem;margin:0 0 .25rem;font-size:.875rem;font-weight:600}
.marquee-unread-dot{display:inline-block;width:10px;height:10px;border-radius:50%;background:var(--marquee-accent)}
.marquee-empty{margin:0;padding:1rem 0;text-align:center}
@keyframes marquee-fade{from{opacity:0}to{opacity:1}}
@keyframes marquee-pop{from{opacity:0;transform:scale(.96)}to{opacity:1;transform:none}}
@keyframes marquee-drop{from{transform:translateY(-100%)}to{transform:none}}
@keyframes marquee-rise{from{transform:translateY(100%)}to{transform:none}}
@media (max-width:30rem){.marquee-overlay{padding:.5rem}.marquee-overlay>.marquee-panel{padding:1.25rem 1rem}}
@media (forced-colors:active){.marquee-panel{border:1px solid CanvasText}}
@media (prefers-reduced-motion:reduce){.marquee-root,.marquee-root *,.marquee-root *::before,.marquee-root *::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
`;

const MARKER = 'data-marquee-styles';

/** Adds the stylesheet to the document (or shadow root) holding `host`, once. */
export function injectStyles(host: Node): void {
  const rootNode = host.getRootNode();
  const target: Document | ShadowRoot =
    typeof ShadowRoot !== 'undefined' && rootNode instanceof ShadowRoot ? rootNode : document;
  if (target.querySelector(`style[${MARKER}]`)) return;
  const style = document.createElement('style');
  style.setAttribute(MARKER, '');
  style.textContent = CSS;
  (target instanceof ShadowRoot ? target : document.head).append(style);
}
