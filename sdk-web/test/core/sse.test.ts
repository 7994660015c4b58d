import { describe, expect, it } from 'vitest';
import { SseParser } from '../../src/core/sse';

describe('the SSE parser', () => {
  it('dispatches an event at the blank line, with its type, data and id', () => {
    const parser = new SseParser();
    expect(parser.push('event: message\nid: 7\ndata: {"campaignId":"c1"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ type: 'message', data: '{"campaignId":"c1"}', lastEventId: '7', id: '7' }]);
    expect(parser.lastEventId).toBe('7');
  });

  it('joins multi-line data with newlines and defaults the type to message', () => {
    const parser = new SseParser();
    expect(parser.push('data: first\ndata:second\ndata\n\n')).toEqual([
      { type: 'message', data: 'first\nsecond\n', lastEventId: '', id: '' },
    ]);
  });

  it('ignores comments and unknown fields, and dispatches nothing without data', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\nfoo: bar\n\nevent: heartbeat\n\n')).toEqual([]);
    expect(parser.push('event: heartbeat\ndata: {}\n\n')).toEqual([
      { type: 'heartbeat', data: '{}', lastEventId: '', id: '' },
    ]);
  });

  it('reads CRLF, CR and LF line ends, also when a chunk ends between CR and LF', () => {
    const parser = new SseParser();
    const events = [
      ...parser.push('event: resync\r'),
      ...parser.push('\ndata: {"reason":"campaign_changed"}\r\n\r'),
      ...parser.push('\ndata: a\r\rdata: b\n\n'),
    ];
    expect(events).toEqual([
      { type: 'resync', data: '{"reason":"campaign_changed"}', lastEventId: '', id: '' },
      { type: 'message', data: 'a', lastEventId: '', id: '' },
      { type: 'message', data: 'b', lastEventId: '', id: '' },
    ]);
  });

  it('keeps the last id for later events and for Last-Event-ID, starting from a resumed one', () => {
    const parser = new SseParser('41');
    expect(parser.push('data: x\n\n')[0].lastEventId).toBe('41');
    expect(parser.push('id: 42\nevent: message\ndata: y\n\n')[0].id).toBe('42');
    const later = parser.push('event: heartbeat\ndata: {}\n\n')[0];
    // the stream's last id carries on; the event's own id is only what it said itself
    expect([later.lastEventId, later.id]).toEqual(['42', '']);
    expect(parser.lastEventId).toBe('42');
  });

  it('reads frames split anywhere across chunks, and a leading BOM', () => {
    const text = '\uFEFFevent: connected\ndata: {}\n\nid: 3\nevent: message\ndata: {"a":1}\n\n';
    const parser = new SseParser();
    const events = [...text].flatMap((character) => parser.push(character));
    expect(events.map((e) => e.type)).toEqual(['connected', 'message']);
    expect(events[1]).toEqual({ type: 'message', data: '{"a":1}', lastEventId: '3', id: '3' });
  });
});
