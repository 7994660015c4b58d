// Modal dialogs: focus moves in, Tab and Shift+Tab cycle inside, Esc closes, and focus returns where it was.

const TABBABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

/** Open modal dialogs, the last one on top: only it reacts to keys. */
const open: HTMLElement[] = [];

export function tabbables(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (el) => el.closest('[hidden]') === null && el.getAttribute('tabindex') !== '-1',
  );
}

/**
 * Traps focus inside `dialog` until the returned function is called, which restores focus to the element that had it
 * before. The first control that is not the close control gets focus (the close control if it is the only one).
 */
export function trapFocus(dialog: HTMLElement, onEscape: () => void): () => void {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  open.push(dialog);
  const onTop = () => open[open.length - 1] === dialog;

  const focusFirst = () => {
    const items = tabbables(dialog);
    const first = items.find((el) => !el.hasAttribute('data-marquee-close')) ?? items[0];
    (first ?? dialog).focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!onTop()) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = tabbables(dialog);
    const active = document.activeElement;
    if (items.length === 0) {
      event.preventDefault();
      dialog.focus();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const outside = !(active instanceof Node) || !dialog.contains(active) || active === dialog;
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || outside)) {
      event.preventDefault();
      first.focus();
    }
  };
  const onFocusIn = (event: FocusEvent) => {
    if (onTop() && event.target instanceof Node && !dialog.contains(event.target)) focusFirst();
  };

  if (!dialog.hasAttribute('tabindex')) dialog.setAttribute('tabindex', '-1');
  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('focusin', onFocusIn);
  focusFirst();

  return () => {
    document.removeEventListener('keydown', onKeyDown, true);
    document.removeEventListener('focusin', onFocusIn);
    open.splice(open.indexOf(dialog), 1);
    if (previous && previous.isConnected) previous.focus();
  };
}
