import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../src/core/storage';
import { display, FakeDelivery, startClient, type Harness } from './delivery';
import { sdkMessage, settle } from './fakes';

const checkout = sdkMessage('checkout-tip', [{ type: 'SCREEN_VIEW', name: 'checkout' }]);
const promo = sdkMessage('promo', [{ type: 'CUSTOM_EVENT', name: 'added_to_cart' }]);
let harness: Harness | undefined;

afterEach(() => {
  harness?.client.close();
  vi.useRealTimers();
});

describe('online, the server decides', () => {
  it('shows the display the server answered for the event, not the local match', async () => {
    const delivery = new FakeDelivery();
    delivery.messages = [checkout, promo];
    delivery.decide = (events) => (events.some((e) => e.name === 'checkout') ? display(promo) : undefined);
    harness = await startClient(delivery);
    harness.client.screen('checkout');
    await settle();
    expect(harness.renderers.open()).toEqual(['promo']);
    const sent = delivery.server.events().find((e) => e.type === 'screen_view');
    expect(sent).toMatchObject({ type: 'screen_view', name: 'checkout' });
    expect(sent.eventId).toBeTruthy();
    expect(sent.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('shows nothing when the server answers none, and says why in the debug log', async () => {
    const delivery = new FakeDelivery();
    delivery.messages = [checkout];
    harness = await startClient(delivery);
    harness.client.screen('checkout');
    harness.client.track('unknown_event');
    await settle();
    expect(harness.renderers.shown).toEqual([]);
    const reasons = harness.debug.map((d) => d.reason);
    expect(reasons).toContain('server_none'); // checkout matched locally, the server said no (caps…)
    expect(reasons).toContain('trigger_mismatch'); // nothing is triggered by unknown_event
  });

  it('honours delaySeconds of the display', async () => {
    vi.useFakeTimers();
    const delivery = new FakeDelivery();
    delivery.decide = (events) => (events.some((e) => e.name === 'checkout') ? display(checkout, 3) : undefined);
    harness = await startClient(delivery);
    harness.client.screen('checkout');
    await vi.advanceTimersByTimeAsync(2_900);
    expect(harness.renderers.shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(harness.renderers.open()).toEqual(['checkout-tip']);
  });

  it('the session start of init is sent with app_open, and a welcome message shows at once', async () => {
    const welcome = sdkMessage('welcome', [{ type: 'SESSION_START' }]);
    const delivery = new FakeDelivery();
    delivery.decide = (events) => (events.some((e) => e.type === 'session_start') ? display(welcome) : undefined);
    harness = await startClient(delivery);
    await settle();
    expect(delivery.server.events().map((e) => e.type)).toEqual(['session_start', 'app_open']);
    expect(harness.renderers.open()).toEqual(['welcome']);
  });

  it('sends the identity headers on every call when a signature is given', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery, { userId: 'u7', userSignature: 'abc123' });
    harness.client.track('x');
    await settle();
    const paths = new Set(delivery.server.requests.map((r) => r.path));
    expect(paths).toEqual(new Set(['/v1/sdk/messages', '/v1/sdk/events', '/v1/sdk/inbox', '/v1/sdk/stream']));
    for (const request of delivery.server.requests) {
      expect(request.headers['x-marquee-user-id']).toBe('u7');
      expect(request.headers['x-marquee-user-signature']).toBe('abc123');
    }
  });

  it('sends no identity headers without a signature', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    expect(delivery.server.requests.every((r) => r.headers['x-marquee-user-signature'] === undefined)).toBe(true);
  });

  it('after a reload, a display answered for the previous page’s events is not shown', async () => {
    const storage = new MemoryStorage();
    const delivery = new FakeDelivery();
    delivery.offline = true;
    delivery.messages = [];
    const first = await startClient(delivery, {}, storage);
    first.client.track('added_to_cart');
    await settle();
    first.client.close();

    delivery.offline = false;
    delivery.decide = (events) => (events.some((e) => e.name === 'added_to_cart') ? display(promo) : undefined);
    harness = await startClient(delivery, {}, storage);
    await settle();
    expect(delivery.server.events().map((e) => e.type)).toContain('track');
    expect(harness.renderers.shown).toEqual([]);
    expect(harness.debug.some((d) => d.reason === 'stale_display')).toBe(true);
  });
});

describe('the server refuses a batch (429 or 5xx): its caps are not skipped', () => {
  for (const status of [429, 503]) {
    it(`${status}: by default nothing is shown from the synced set`, async () => {
      const delivery = new FakeDelivery();
      delivery.messages = [promo];
      harness = await startClient(delivery);
      delivery.eventsStatus = status;
      harness.client.track('added_to_cart');
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(harness.renderers.shown).toHaveLength(0);
      expect(harness.debug.some((d) => d.message.includes("fallbackDisplay: 'none'"))).toBe(true);
    });
  }

  it("fallbackDisplay 'session-caps': once per session, counted in storage across a reload", async () => {
    const delivery = new FakeDelivery();
    delivery.messages = [promo];
    const storage = new MemoryStorage();
    harness = await startClient(delivery, { fallbackDisplay: 'session-caps' }, storage);
    delivery.eventsStatus = 429;
    harness.client.track('added_to_cart');
    await settle();
    expect(harness.renderers.open()).toEqual(['promo']);
    harness.renderers.last().options.callbacks.dismiss();
    harness.client.close();

    harness = await startClient(delivery, { fallbackDisplay: 'session-caps' }, storage); // the page reloaded
    harness.client.track('added_to_cart');
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.renderers.shown).toHaveLength(0);
  });
});

describe('offline, the synced set decides', () => {
  it('shows a synced message whose trigger matches, at most once per session', async () => {
    const delivery = new FakeDelivery();
    delivery.messages = [promo];
    harness = await startClient(delivery);
    delivery.offline = true;
    harness.client.track('added_to_cart');
    await settle();
    expect(harness.renderers.open()).toEqual(['promo']);
    harness.renderers.last().options.callbacks.dismiss();
    harness.client.track('added_to_cart');
    await settle();
    expect(harness.renderers.shown).toHaveLength(1);
  });

  it('a campaign shown offline is not shown again when the server, back, chooses it in the same session', async () => {
    const delivery = new FakeDelivery();
    delivery.messages = [promo];
    harness = await startClient(delivery);
    delivery.offline = true;
    harness.client.track('added_to_cart');
    await settle();
    harness.renderers.last().options.callbacks.dismiss();
    delivery.offline = false;
    delivery.decide = (events) => (events.some((e) => e.name === 'again') ? display(promo) : undefined);
    window.dispatchEvent(new Event('online'));
    harness.client.track('again');
    await settle();
    expect(harness.renderers.shown).toHaveLength(1);
    expect(harness.debug.some((d) => d.reason === 'duplicate' && d.campaignId === 'promo')).toBe(true);
  });

  it('honours the trigger’s delay offline', async () => {
    vi.useFakeTimers();
    const delivery = new FakeDelivery();
    delivery.messages = [sdkMessage('later', [{ type: 'SCREEN_VIEW', name: 'home', delaySeconds: 2 }])];
    harness = await startClient(delivery);
    delivery.offline = true;
    harness.client.screen('home');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(harness.renderers.shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(harness.renderers.open()).toEqual(['later']);
  });

  it('delivers the offline events once the page is back online', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    await settle();
    delivery.offline = true;
    harness.client.track('offline_thing', { n: 1 });
    await settle();
    delivery.offline = false;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(delivery.acceptedEvents.filter((e) => e.name === 'offline_thing')).toHaveLength(1);
  });
});
