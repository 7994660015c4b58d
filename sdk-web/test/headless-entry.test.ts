import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../src/core/storage';
import Marquee from '../src/headless';
import type { SdkMessage } from '../src/model';
import { display, FakeDelivery } from './core/delivery';
import { sdkMessage, settle } from './core/fakes';

afterEach(() => {
  Marquee.close();
  vi.unstubAllGlobals();
});

describe('the headless entry (src/headless.ts)', () => {
  it('refuses init without onMessage: it has no renderer to show a message with', () => {
    expect(() => Marquee.init({ sdkKey: 'k', baseUrl: 'https://edge.example' } as never)).toThrow(
      'onMessage is required',
    );
  });

  it('hands the server’s message of any format to onMessage and never draws it', async () => {
    const delivery = new FakeDelivery();
    const modal = sdkMessage('modal', []);
    delivery.decide = (events) => (events.some((e) => e.name === 'go') ? display(modal) : undefined);
    vi.stubGlobal('fetch', delivery.server.fetch);
    const received: SdkMessage[] = [];
    const before = document.body.innerHTML;
    await Marquee.init({
      sdkKey: 'k',
      userId: 'u1',
      baseUrl: 'https://edge.example',
      storage: new MemoryStorage(),
      onMessage: (m) => received.push(m),
    });
    Marquee.track('go');
    await vi.waitFor(() => expect(received.map((m) => m.campaignId)).toEqual(['modal']), { timeout: 3000 });
    Marquee.logImpression(received[0]);
    await settle();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('[data-marquee-message]')).toBeNull();
  });
});
