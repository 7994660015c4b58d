// What is on screen. One message at a time: a message that arrives while another is shown waits in a short line
// (at most 5, in arrival order; beyond that it is dropped and logged; a campaign already on screen or waiting is not
// added twice). While paused nothing new is shown: the messages that arrive are held and only the most recent one is
// shown on resume (like Braze); the earlier held ones are dropped and logged. In headless mode (`onMessage`) every
// message goes to the app's callback and the app decides what is on screen.
import type { Button, SdkMessage } from '../model';
import type { RenderCallbacks, RenderedMessage, RenderOptions, Renderers } from '../render/contract';
import type { DebugLog } from './debug';

/** Where displays come from, for the debug log. */
export type DisplaySource = 'server' | 'offline' | 'stream';

/** What the user did with a shown message; the client turns these into interactions. */
export interface InteractionSink {
  impression(message: SdkMessage): void;
  click(message: SdkMessage, button: Button): void;
  dismiss(message: SdkMessage): void;
  answer(message: SdkMessage, answers: Record<string, unknown>): void;
}

export interface DisplayOptions {
  renderers: Renderers;
  render: Omit<RenderOptions, 'callbacks'>;
  log: DebugLog;
  sink: InteractionSink;
  /** headless mode */
  onMessage?: (message: SdkMessage) => void;
  /** a CARD arrived: it belongs to the inbox */
  card(message: SdkMessage): void;
  maxWaiting?: number;
}

interface OnScreen {
  message: SdkMessage;
  rendered: RenderedMessage | null;
  impressed: boolean;
  finished: boolean;
  /** notices when the renderer removed the message by itself (a survey closing after its thank-you) */
  removal?: MutationObserver;
}

export class DisplayController {
  private readonly maxWaiting: number;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private paused = false;
  private held: SdkMessage | undefined;
  private current: OnScreen | undefined;
  private waiting: SdkMessage[] = [];

  constructor(private readonly options: DisplayOptions) {
    this.maxWaiting = options.maxWaiting ?? 5;
  }

  /** Shows the message after `delaySeconds` (the trigger's delay), subject to pause and the one-at-a-time rule. */
  offer(message: SdkMessage, delaySeconds: number, source: DisplaySource): void {
    if (delaySeconds > 0) {
      this.note('delayed', message, `${source}: shown in ${delaySeconds} s (trigger delay)`);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.present(message, source);
      }, delaySeconds * 1000);
      this.timers.add(timer);
      return;
    }
    this.present(message, source);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const held = this.held;
    this.held = undefined;
    if (held) {
      this.present(held, 'server');
    } else if (!this.current) {
      this.next();
    }
  }

  /** Removes everything without interactions: delayed, held and waiting messages and the one on screen. */
  clear(): void {
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    this.held = undefined;
    this.waiting = [];
    const current = this.current;
    this.current = undefined;
    if (current) {
      current.finished = true;
      current.removal?.disconnect();
      current.rendered?.close();
    }
  }

  private present(message: SdkMessage, source: DisplaySource): void {
    if (message.message.format === 'CARD') {
      this.note('shown', message, `${source}: a card, it goes to the inbox`);
      this.options.card(message);
      return;
    }
    if (this.paused) {
      if (this.held) {
        this.note('held_replaced', this.held, 'held while paused, replaced by a more recent message: dropped');
      }
      this.held = message;
      this.note('paused', message, 'display is paused: held, shown on resume if no newer message arrives');
      return;
    }
    if (this.options.onMessage) {
      this.note('shown', message, `${source}: handed to onMessage (headless)`);
      try {
        this.options.onMessage(message);
      } catch (error) {
        this.note('not_renderable', message, `onMessage threw (${String(error)})`);
      }
      return;
    }
    if (message.message.format === 'CUSTOM_JSON') {
      this.note('not_renderable', message, 'CUSTOM_JSON messages need onMessage (headless mode): not shown');
      return;
    }
    if (this.current) {
      const key = identity(message);
      if (identity(this.current.message) === key || this.waiting.some((w) => identity(w) === key)) {
        this.note('duplicate', message, 'already on screen or waiting: not added again');
      } else if (this.waiting.length >= this.maxWaiting) {
        this.note('queue_full', message, `another message is on screen and ${this.maxWaiting} wait: dropped`);
      } else {
        this.waiting.push(message);
        this.note('another_on_screen', message, 'another message is on screen: waits its turn');
      }
      return;
    }
    this.show(message, source);
  }

  private show(message: SdkMessage, source: DisplaySource): void {
    const state: OnScreen = { message, rendered: null, impressed: false, finished: false };
    const sink = this.options.sink;
    const callbacks: RenderCallbacks = {
      impression: () => {
        if (!state.impressed && !state.finished) {
          state.impressed = true;
          sink.impression(message);
        }
      },
      click: (button) => {
        if (state.finished) {
          return;
        }
        sink.click(message, button);
        if (button.action !== 'DISMISS') {
          this.finish(state);
        }
      },
      dismiss: () => {
        if (!state.finished) {
          sink.dismiss(message);
          this.finish(state);
        }
      },
      answer: (answers) => {
        if (!state.finished) {
          sink.answer(message, answers);
        }
      },
    };
    this.current = state;
    let rendered: RenderedMessage | null = null;
    try {
      rendered = this.options.renderers.show(message, { ...this.options.render, callbacks });
    } catch (error) {
      this.note('renderer_refused', message, `the renderer failed (${String(error)})`);
    }
    if (!rendered) {
      this.note('renderer_refused', message, 'the renderer could not show it (format, HTML not allowed, no anchor)');
      state.finished = true;
      this.current = undefined;
      this.next();
      return;
    }
    state.rendered = rendered;
    this.watchRemoval(state, rendered.element);
    this.note('shown', message, `${source}: on screen`);
  }

  /**
   * A renderer may take its message away without a dismiss callback (an answered survey closes after its thank-you;
   * closing it then is not a dismissal): the next message may show once the element has left the document.
   */
  private watchRemoval(state: OnScreen, element: HTMLElement): void {
    if (!element.isConnected || typeof MutationObserver === 'undefined') {
      return;
    }
    state.removal = new MutationObserver(() => {
      if (!element.isConnected) {
        this.finish(state);
      }
    });
    state.removal.observe(element.ownerDocument, { childList: true, subtree: true });
  }

  private finish(state: OnScreen): void {
    state.finished = true;
    state.removal?.disconnect();
    state.rendered?.close();
    if (this.current === state) {
      this.current = undefined;
      this.next();
    }
  }

  private next(): void {
    if (this.paused || this.current) {
      return;
    }
    const message = this.waiting.shift();
    if (message) {
      this.present(message, 'server');
    }
  }

  private note(reason: Parameters<DebugLog['log']>[0]['reason'], message: SdkMessage, text: string): void {
    this.options.log.log({ reason, message: text, campaignId: message.campaignId ?? undefined });
  }
}

function identity(message: SdkMessage): string {
  return `${message.campaignId}:${message.version}`;
}
