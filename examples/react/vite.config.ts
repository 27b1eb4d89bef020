import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { kbElements } from 'kb-elements/vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // Served by the browser tests under this path; a real app keeps its own base.
  base: '/examples/react/dist/',
  plugins: [react(), kbElements({ content: here('../../demo/content') })],
  // In this repository 'kb-elements' is the package itself (dist/, from npm run build);
  // an app that installed kb-elements from npm needs no alias.
  resolve: {
    alias: [
      { find: /^kb-elements$/, replacement: here('../../dist/index.js') },
      { find: /^kb-elements\/launcher$/, replacement: here('../../dist/launcher.js') },
    ],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // Two pages: index.html (every element at once) and launcher.html (the lazy launcher).
    rollupOptions: { input: { index: here('index.html'), launcher: here('launcher.html') } },
  },
});
