// "Really visible" for impressions: attached, the document visible, and intersecting the viewport. Where there is no
// IntersectionObserver (jsdom, old browsers), attached and document visible is enough.

/** Calls `onVisible` once, the first time `target` is really visible. Returns what stops watching. */
export function whenVisible(target: HTMLElement, onVisible: () => void): () => void {
  let done = false;
  let intersecting = typeof IntersectionObserver === 'undefined';
  let observer: IntersectionObserver | undefined;
  const check = () => {
    if (done || !intersecting || !target.isConnected || document.visibilityState === 'hidden') return;
    done = true;
    stop();
    onVisible();
  };
  const onVisibilityChange = () => check();
  const stop = () => {
    observer?.disconnect();
    document.removeEventListener('visibilitychange', onVisibilityChange);
    clearTimeout(timer);
  };
  document.addEventListener('visibilitychange', onVisibilityChange);
  if (typeof IntersectionObserver !== 'undefined') {
    observer = new IntersectionObserver((entries) => {
      intersecting = entries[entries.length - 1].isIntersecting;
      check();
    });
    observer.observe(target);
  }
  // the caller attaches the element after building it: look once it is in the page
  const timer = setTimeout(check, 0);
  return stop;
}
