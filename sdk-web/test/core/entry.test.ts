import { afterEach, describe, expect, it } from 'vitest';
import { createMarquee } from '../../src/core/entry';
import { MemoryStorage } from '../../src/core/storage';
import { display, FakeDelivery } from './delivery';
import { FakeRenderers, sdkMessage, settle } from './fakes';

const renderers = new FakeRenderers();
const delivery = new FakeDelivery();
const Marquee = createMarquee(renderers, { fetch: delivery.server.fetch, flushDelayMs: 0 });

afterEach(() => Marquee.close());

const config = (userId: string) => ({
  sdkKey: 'k',
  userId,
  baseUrl: 'https://edge.example',
  storage: new MemoryStorage(),
});

describe('the Marquee object', () => {
  it('refuses calls before init', () => {
    expect(() => Marquee.track('x')).toThrow('Marquee.init must be called first');
  });

  it('init makes the default client: Marquee.track goes to it', async () => {
    delivery.decide = (events) => (events.some((e) => e.name === 'go') ? display(sdkMessage('m', [])) : undefined);
    const client = await Marquee.init(config('u1'));
    expect(client.userId).toBe('u1');
    Marquee.track('go', { n: 1 });
    Marquee.screen('home');
    await settle();
    expect(delivery.acceptedEvents.map((e) => e.name).filter(Boolean)).toEqual(['go', 'home']);
    expect(renderers.open()).toEqual(['m']);
  });

  it('a second init closes the first client', async () => {
    const first = await Marquee.init(config('u1'));
    await Marquee.init(config('u2'));
    await settle();
    const before = delivery.acceptedEvents.length;
    first.track('after_close');
    await settle();
    expect(delivery.acceptedEvents.length).toBe(before);
  });
});
