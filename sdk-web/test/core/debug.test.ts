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
