import { defineConfig } from 'vitest/config';

// Library builds, each one self-contained ES module without runtime dependencies: `vite build` the full SDK
// (dist/marquee.js), `vite build --mode headless` the client without renderers (dist/headless.js). Two builds rather
// than two entries of one, so that neither file imports a shared chunk. Tests in jsdom.
export default defineConfig(({ mode }) => {
  const headless = mode === 'headless';
  const name = headless ? 'headless' : 'marquee';
  return {
    build: {
      lib: { entry: `src/${name}.ts`, formats: ['es'], fileName: () => `${name}.js` },
      target: 'es2020',
      sourcemap: true,
      // the headless build comes second and keeps the full one
      emptyOutDir: !headless,
    },
    test: {
      environment: 'jsdom',
      include: ['test/**/*.test.ts'],
    },
  };
});
