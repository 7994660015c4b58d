import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/core/storage';
import { display, FakeDelivery, startClient, type Harness } from './delivery';
import { sdkMessage, settle } from './fakes';

let harness: Harness | undefined;
afterEach(() => harness?.client.close());

/** A client whose server shows the campaign named by each tracked event. */
async function showing(...campaigns: string[]) {
  const delivery = new FakeDelivery();
  const messages = new Map(campaigns.map((id) => [id, sdkMessage(id, [{ type: 'CUSTOM_EVENT', name: id }])]));
  delivery.decide = (events) => {
    const hit = events.find((e) => e.name && messages.has(e.name));
    return hit ? display(messages.get(hit.name!)!) : undefined;
  };
  harness = await startClient(delivery);
  return { delivery, harness };
}

describe('one message on screen at a time', () => {
  it('a message arriving while another is shown waits, and is shown when the first closes', async () => {
    const { harness } = await showing('first', 'second');
    harness.client.track('first');
    await settle();
    harness.client.track('second');
    await settle();
    expect(harness.renderers.open()).toEqual(['first']);
    expect(harness.debug.some((d) => d.reason === 'another_on_screen' && d.campaignId === 'second')).toBe(true);
    harness.renderers.last().options.callbacks.dismiss();
    expect(harness.renderers.open()).toEqual(['second']);
  });

  it('the same campaign is not queued twice', async () => {
    const { harness } = await showing('first', 'second');
    harness.client.track('first');
    await settle();
    harness.client.track('second');
    await settle();
    harness.client.track('second');
    await settle();
    harness.renderers.last().options.callbacks.dismiss();
    harness.renderers.last().options.callbacks.dismiss();
    expect(harness.renderers.shown.map((s) => s.message.campaignId)).toEqual(['first', 'second']);
  });

  it('a message the renderer cannot show (no anchor, HTML not allowed) lets the next one through', async () => {
    const { harness } = await showing('first', 'second');
    harness.renderers.refuse = true;
    harness.client.track('first');
    await settle();
    expect(harness.debug.some((d) => d.reason === 'renderer_refused' && d.campaignId === 'first')).toBe(true);
    harness.renderers.refuse = false;
    harness.client.track('second');
    await settle();
    expect(harness.renderers.open()).toEqual(['second']);
  });
});

describe('a message the renderer ends by itself', () => {
  it('an answered survey that closes after its thank-you lets the next message show', async () => {
    const { delivery, harness } = await showing('survey', 'next');
    harness.client.track('survey');
    await settle();
    harness.client.track('next');
    await settle();
    harness.renderers.last().options.callbacks.answer({ nps: 10 });
    harness.renderers.removeByItself('survey');
    await settle();
    expect(harness.renderers.open()).toEqual(['next']);
    expect(delivery.acceptedInteractions.map((i) => i.type)).toEqual(['survey_answer']);
  });
});

describe('pause and resume', () => {
  it('holds what arrives while paused and shows only the most recent one on resume', async () => {
    const { harness } = await showing('a', 'b');
    harness.client.pause();
    harness.client.track('a');
    await settle();
    harness.client.track('b');
    await settle();
    expect(harness.renderers.shown).toEqual([]);
    const reasons = harness.debug.filter((d) => d.campaignId === 'a').map((d) => d.reason);
    expect(reasons).toContain('paused');
    expect(reasons).toContain('held_replaced');
    harness.client.resume();
    expect(harness.renderers.open()).toEqual(['b']);
  });

  it('resume with nothing held shows nothing', async () => {
    const { harness } = await showing('a');
    harness.client.pause();
    harness.client.resume();
    expect(harness.renderers.shown).toEqual([]);
  });
});

describe('interactions of a rendered message', () => {
  it('logs an impression only when the renderer says the message was visible, once', async () => {
    const { delivery, harness } = await showing('a');
    harness.client.track('a');
    await settle();
    expect(delivery.acceptedInteractions).toEqual([]);
    const callbacks = harness.renderers.last().options.callbacks;
    callbacks.impression();
    callbacks.impression();
    await settle();
    expect(delivery.acceptedInteractions).toEqual([
      expect.objectContaining({ type: 'impression', campaignId: 'a', version: 1, variant: 'A' }),
    ]);
  });

  it('a LOG_EVENT button logs the click and tracks its event; the message closes', async () => {
    const { delivery, harness } = await showing('a');
    harness.client.track('a');
    await settle();
    const shown = harness.renderers.last();
    shown.options.callbacks.click(shown.message.message.buttons![1]);
    await settle();
    expect(delivery.acceptedInteractions).toEqual([expect.objectContaining({ type: 'click', buttonId: 'log' })]);
    expect(delivery.acceptedEvents.filter((e) => e.name === 'liked')).toHaveLength(1);
    expect(shown.closed).toBe(true);
  });

  it('a link button sends its click at once with keepalive, before the page leaves', async () => {
    const { delivery, harness } = await showing('a');
    harness.client.track('a');
    await settle();
    const shown = harness.renderers.last();
    shown.options.callbacks.click({ id: 'go', label: 'Go', action: 'URL', url: 'https://shop.example.com/sale' });
    const sent = delivery.server.to('/v1/sdk/interactions');
    expect(sent).toHaveLength(1);
    expect(sent[0].keepalive).toBe(true);
    expect(sent[0].body.interactions).toEqual([expect.objectContaining({ type: 'click', buttonId: 'go' })]);
    // what the campaign's report splits by: the platform and the locale the click happened in
    expect(sent[0].body.platform).toBe('web');
    expect(sent[0].body.locale).toBe('en');
  });

  it('dismiss and survey answers become interactions with their answers', async () => {
    const { delivery, harness } = await showing('a');
    harness.client.track('a');
    await settle();
    const callbacks = harness.renderers.last().options.callbacks;
    callbacks.answer({ nps: 9, why: ['price'] });
    callbacks.dismiss();
    callbacks.dismiss();
    await settle();
    expect(delivery.acceptedInteractions.map((i) => [i.type, i.answers])).toEqual([
      ['survey_answer', { nps: 9, why: ['price'] }],
      ['dismiss', undefined],
    ]);
  });

  it('an impression logged offline reaches the server once after a reload, with the same event id', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    delivery.messages = [sdkMessage('a', [{ type: 'CUSTOM_EVENT', name: 'a' }])];
    const first = await startClient(delivery, {}, storage);
    delivery.offline = true;
    first.client.track('a');
    await settle();
    first.renderers.last().options.callbacks.impression();
    await settle();
    const attempted = delivery.server.interactions().map((i) => i.eventId);
    first.client.close();

    delivery.offline = false;
    harness = await startClient(delivery, {}, storage);
    await settle();
    expect(delivery.acceptedInteractions.map((i) => i.eventId)).toEqual(attempted);
  });

  it('passes the app’s options to the renderers', async () => {
    const delivery = new FakeDelivery();
    delivery.decide = () => display(sdkMessage('a', []));
    delivery.linkSchemes = ['demoshop'];
    harness = await startClient(delivery, { theme: 'dark', allowHtml: true });
    await settle();
    expect(harness.renderers.last().options).toMatchObject({
      colorScheme: 'dark',
      deepLinkSchemes: ['demoshop'],
      allowHtml: true,
    });
  });
});
