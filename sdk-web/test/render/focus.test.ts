import { describe, expect, it } from 'vitest';
import { button, key, modal, recordingOptions, show } from './fixtures';

function outsideButton(): HTMLButtonElement {
  const opener = document.createElement('button');
  opener.textContent = 'open';
  document.body.append(opener);
  opener.focus();
  return opener;
}

describe('focus in modal dialogs', () => {
  it('moves into the dialog, to the first control that is not the close control', () => {
    outsideButton();
    const shown = show(modal({ buttons: [button('a', 'DISMISS'), button('b', 'DISMISS')] }), recordingOptions())!;
    expect(document.activeElement?.getAttribute('data-marquee-button')).toBe('a');
    expect(shown.element.contains(document.activeElement)).toBe(true);
  });

  it('goes to the close control when there is nothing else', () => {
    show(modal(), recordingOptions());
    expect(document.activeElement?.hasAttribute('data-marquee-close')).toBe(true);
  });

  it('cycles with Tab and Shift+Tab', () => {
    const shown = show(modal({ buttons: [button('a', 'DISMISS'), button('b', 'DISMISS')] }), recordingOptions())!;
    const close = shown.element.querySelector<HTMLElement>('[data-marquee-close]')!;
    const last = shown.element.querySelector<HTMLElement>('[data-marquee-button="b"]')!;

    last.focus();
    expect(key(last, 'Tab').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(close);

    expect(key(close, 'Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(last);

    // in the middle the browser moves focus itself
    const first = shown.element.querySelector<HTMLElement>('[data-marquee-button="a"]')!;
    first.focus();
    expect(key(first, 'Tab').defaultPrevented).toBe(false);
  });

  it('pulls focus back when something outside gets it', () => {
    const opener = outsideButton();
    const shown = show(modal(), recordingOptions())!;
    opener.focus();
    expect(shown.element.contains(document.activeElement)).toBe(true);
  });

  it('restores focus to the element that had it, after Esc', () => {
    const opener = outsideButton();
    const options = recordingOptions();
    const shown = show(modal(), options)!;
    key(document.activeElement!, 'Escape');
    expect(options.recorded.dismissals).toBe(1);
    expect(shown.element.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('only the top dialog reacts to Esc', () => {
    const first = recordingOptions();
    const second = recordingOptions();
    const below = show(modal(), first)!;
    const above = show(modal(), second)!;
    key(document.activeElement!, 'Escape');
    expect(second.recorded.dismissals).toBe(1);
    expect(first.recorded.dismissals).toBe(0);
    expect(above.element.isConnected).toBe(false);
    expect(below.element.isConnected).toBe(true);
    expect(below.element.contains(document.activeElement)).toBe(true);
  });
});
