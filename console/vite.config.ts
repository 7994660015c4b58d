import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The console is served by the gateway at /console/ from the jar's classpath directory marquee-console/ (the Maven
// build packs target/classes). Two pages: the app (index.html) and the preview frame (preview.html), which draws a
// message with the web SDK's renderers in a document of its own so their focus trap and fixed layout stay inside it.
export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'target/classes/marquee-console',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: { index: resolve(__dirname, 'index.html'), preview: resolve(__dirname, 'preview.html') },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
  },
});
