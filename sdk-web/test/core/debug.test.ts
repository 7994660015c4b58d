import { afterEach, describe, expect, it } from 'vitest';
import { MarqueeClient } from '../../src/core/client';
import { MemoryStorage } from '../../src/core/storage';
import { FakeDelivery, startClient, type Harness } from './delivery';
import { FakeRenderers, settle } from './fakes';

let harness: Harness | undefined;
afterEach(() => harness?.client.close());

describe('debug mode', () => {
  it('writes each decision to the console with the [marquee] prefix', async () => {
    const lines: string[] = [];
    const delivery = new FakeDelivery();
    const console = (line: string) => lines.push(line);
    harness = await startClient(delivery, { debug: true }, new MemoryStorage(), { console });
    harness.client.screen('nowhere');
    await settle();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.startsWith('[marquee] '))).toBe(true);
    const mismatch = lines.find((line) => line.includes('trigger_mismatch') && line.includes('screen_view "nowhere"'));
    expect(mismatch).toBeDefined();
  });

  it('stays silent on the console without debug, while on("debug") listeners still get every entry', async () => {
    const lines: string[] = [];
    const delivery = new FakeDelivery();
    harness = await startClient(delivery, {}, new MemoryStorage(), { console: (line) => lines.push(line) });
    harness.client.screen('nowhere');
    await settle();
    expect(lines).toEqual([]);
    expect(harness.debug.some((d) => d.reason === 'trigger_mismatch')).toBe(true);
  });

  it("logs the server's reason for each campaign not shown, from the explain API", async () => {
    const delivery = new FakeDelivery();
    delivery.verdicts = [
      { campaignId: 'c-1', name: 'Spring sale', priority: 50, reason: 'cap:lifetime' },
      { campaignId: 'c-2', name: 'Checkout tip', priority: 10, reason: 'segment' },
    ];
    harness = await startClient(delivery, { debug: true }, new MemoryStorage(), { console: () => {} });
    harness.client.track('viewed_cart');
    await settle();
    expect(delivery.explained).toContain('CUSTOM_EVENT:viewed_cart');
    const explained = harness.debug.filter((d) => d.reason === 'explain' && d.message.includes('viewed_cart'));
    expect(explained.map((d) => [d.campaignId, d.message])).toEqual([
      ['c-1', 'track "viewed_cart": "Spring sale" → cap:lifetime'],
      ['c-2', 'track "viewed_cart": "Checkout tip" → segment'],
    ]);
  });

  it('asks for explanations only in debug mode, and stops asking once the key is refused', async () => {
    const quiet = new FakeDelivery();
    quiet.verdicts = [];
    harness = await startClient(quiet);
    harness.client.screen('home');
    await settle();
    expect(quiet.explained).toEqual([]);
    harness.client.close();

    const refused = new FakeDelivery();
    harness = await startClient(refused, { debug: true }, new MemoryStorage(), { console: () => {} });
    await settle();
    const askedAtStart = refused.explained.length;
    expect(askedAtStart).toBeGreaterThan(0);
    harness.client.screen('home');
    await settle();
    harness.client.screen('cart');
    await settle();
    expect(refused.explained).toHaveLength(askedAtStart);
    expect(harness.debug.filter((d) => d.reason === 'explain').map((d) => d.message)).toEqual([
      'the server does not explain to this SDK key: give it the DEBUG scope (development builds only)',
    ]);
  });

  it('an unsubscribed listener gets nothing more', async () => {
    const delivery = new FakeDelivery();
    harness = await startClient(delivery);
    const seen: string[] = [];
    const off = harness.client.on('debug', (entry) => seen.push(entry.reason));
    off();
    harness.client.screen('nowhere');
    await settle();
    expect(seen).toEqual([]);
  });
});

describe('configuration', () => {
  it('refuses an init without sdkKey or baseUrl, naming the field', () => {
    const renderers = new FakeRenderers();
    expect(() => new MarqueeClient({ sdkKey: '', baseUrl: 'https://edge.example' }, { renderers })).toThrow(
      'sdkKey is required',
    );
    expect(() => new MarqueeClient({ sdkKey: 'k', baseUrl: ' ' }, { renderers })).toThrow('baseUrl is required');
  });
});
