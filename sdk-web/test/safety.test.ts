/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

// The SDK puts marketer-authored text on pages of apps: it must never turn text into markup or code.
const sources = import.meta.glob('../src/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

describe('safety of the sources', () => {
  const files = Object.entries(sources);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(['eval(', 'new Function(', '.innerHTML', '.outerHTML', 'insertAdjacentHTML', 'document.write'])(
    'no %s anywhere in src',
    (construct) => {
      expect(files.filter(([, text]) => text.includes(construct)).map(([path]) => path)).toEqual([]);
    },
  );

  it('no iframe is ever given allow-same-origin', () => {
    expect(files.filter(([, text]) => /allow-same-origin['"`]/.test(text)).map(([path]) => path)).toEqual([]);
  });
});
