import { afterEach, describe, expect, it } from 'vitest';
import type { SdkMessage } from '../../src/model';
import { display, FakeDelivery, startClient, type Harness } from './delivery';
import { sdkMessage, settle } from './fakes';

let harness: Harness | undefined;
afterEach(() => harness?.client.close());

describe('headless mode', () => {
  it('hands every message to onMessage, renders nothing, and sends what the app logs', async () => {
    const received: SdkMessage[] = [];
    const delivery = new FakeDelivery();
    const custom = { ...sdkMessage('custom', []), message: { format: 'CUSTOM_JSON' as const, payload: { a: 1 } } };
    delivery.decide = (events) => (events.some((e) => e.name === 'go') ? display(custom) : undefined);
    harness = await startClient(delivery, { onMessage: (m) => received.push(m) });
    harness.client.track('go');
    await settle();
    expect(received.map((m) => m.campaignId)).toEqual(['custom']);
    expect(received[0].message.payload).toEqual({ a: 1 });
    expect(harness.renderers.shown).toEqual([]);

    harness.client.logImpression(received[0]);
    harness.client.logClick(received[0], { id: 'buy', label: 'Buy', action: 'LOG_EVENT', event: 'buy_tapped' });
    harness.client.logAnswer(received[0], { q1: 'yes' });
    harness.client.logDismiss(received[0]);
    await settle();
    expect(delivery.acceptedInteractions.map((i) => [i.type, i.buttonId])).toEqual([
      ['impression', undefined],
      ['click', 'buy'],
      ['survey_answer', undefined],
      ['dismiss', undefined],
    ]);
    expect(delivery.acceptedEvents.some((e) => e.name === 'buy_tapped')).toBe(true);
  });

  it('pause holds headless messages too', async () => {
    const received: SdkMessage[] = [];
    const delivery = new FakeDelivery();
    delivery.decide = () => display(sdkMessage('m', []));
    harness = await startClient(delivery, { onMessage: (m) => received.push(m) });
    await settle();
    received.length = 0;
    harness.client.pause();
    harness.client.track('x');
    await settle();
    expect(received).toEqual([]);
    harness.client.resume();
    expect(received.map((m) => m.campaignId)).toEqual(['m']);
  });

  it('without onMessage a CUSTOM_JSON message is not rendered, and the debug log says so', async () => {
    const delivery = new FakeDelivery();
    const custom = { ...sdkMessage('custom', []), message: { format: 'CUSTOM_JSON' as const } };
    delivery.decide = (events) => (events.some((e) => e.name === 'go') ? display(custom) : undefined);
    harness = await startClient(delivery);
    harness.client.track('go');
    await settle();
    expect(harness.renderers.shown).toEqual([]);
    expect(harness.debug.some((d) => d.reason === 'not_renderable')).toBe(true);
  });
});
