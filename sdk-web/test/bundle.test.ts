// @vitest-environment node
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

// Builds both bundles as `npm run build` does (vite.config.ts, the default and the `headless` mode), in memory.
const root = decodeURIComponent(new URL('..', import.meta.url).pathname);

async function bundle(mode: 'production' | 'headless'): Promise<string> {
  const output = (await build({
    root,
    mode,
    logLevel: 'silent',
    build: { write: false, sourcemap: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  expect(chunks).toHaveLength(1); // one self-contained module, no shared chunk
  return chunks[0].code;
}

// Strings only the renderers have: the style sheet's root class, the DOM contract's format attribute, the HTML
// message's sandbox, the survey's NPS buttons, the carousel's controls, the inbox feed.
const RENDERER_MARKERS = [
  'marquee-root',
  'data-marquee-format',
  'allow-scripts',
  'data-marquee-nps',
  'data-marquee-next',
  'data-marquee-inbox',
];

describe('the bundles', () => {
  let full: string;
  let headless: string;

  beforeAll(async () => {
    full = await bundle('production');
    headless = await bundle('headless');
  }, 60_000);

  it('the full bundle has the renderers (the markers are real)', () => {
    for (const marker of RENDERER_MARKERS) {
      expect(full, marker).toContain(marker);
    }
  });

  it('the headless bundle has no renderer code, but has the client', () => {
    for (const marker of RENDERER_MARKERS) {
      expect(headless, marker).not.toContain(marker);
    }
    expect(headless).toContain('/v1/sdk/events');
    expect(headless).toContain('onMessage is required');
  });

  it('the headless bundle is much smaller than the full one', () => {
    expect(headless.length).toBeLessThan(full.length * 0.7);
  });
});
