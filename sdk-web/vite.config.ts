import { defineConfig } from 'vitest/config';

// Library build: one ES module, no runtime dependencies; tests in jsdom.
export default defineConfig({
  build: {
    lib: { entry: 'src/marquee.ts', formats: ['es'], fileName: () => 'marquee.js' },
    target: 'es2020',
    sourcemap: true,
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
  },
});
