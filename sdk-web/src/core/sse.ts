// An incremental parser of the Server-Sent Events format (HTML Living Standard, "event stream interpretation"):
// chunks in, dispatched events out. Lines end with CRLF, LF or CR; `data:` lines of one event join with "\n";
// `:` starts a comment; an `id:` is remembered for `Last-Event-ID`. `retry:` is ignored: the SDK's own backoff decides.

export interface SseEvent {
  /** `event:` field, `message` when absent */
  type: string;
  data: string;
  /** the last event id seen so far on this stream (the id of this event or an earlier one) */
  lastEventId: string;
  /** this event's own `id:` field, '' when it had none */
  id: string;
}

export class SseParser {
  private buffer = '';
  private started = false;
  private data: string[] = [];
  private type = '';
  private id = '';
  private ownId = '';

  constructor(lastEventId = '') {
    this.id = lastEventId;
  }

  get lastEventId(): string {
    return this.id;
  }

  /** Feeds decoded text; returns the events completed by it. */
  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    if (!this.started && this.buffer.length > 0) {
      this.started = true;
      if (this.buffer.charCodeAt(0) === 0xfeff) {
        this.buffer = this.buffer.slice(1);
      }
    }
    const events: SseEvent[] = [];
    for (;;) {
      const end = this.buffer.search(/[\r\n]/);
      if (end < 0) {
        break;
      }
      const cr = this.buffer[end] === '\r';
      if (cr && end === this.buffer.length - 1) {
        break; // a CR at the end of the chunk may be the first half of a CRLF
      }
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (cr && this.buffer[end + 1] === '\n' ? 2 : 1));
      const event = this.line(line);
      if (event) {
        events.push(event);
      }
    }
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      return this.dispatch();
    }
    if (line.startsWith(':')) {
      return null;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    switch (field) {
      case 'event':
        this.type = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.id = value;
          this.ownId = value;
        }
        break;
      default:
      // unknown fields are ignored
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    const data = this.data;
    const type = this.type;
    const id = this.ownId;
    this.data = [];
    this.type = '';
    this.ownId = '';
    if (data.length === 0) {
      return null;
    }
    return { type: type || 'message', data: data.join('\n'), lastEventId: this.id, id };
  }
}
