import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { kbElements } from 'kb-elements/vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // Served by the browser tests under this path; a real app keeps its own base.
  base: '/examples/vue/dist/',
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('kb-') } } }),
    kbElements({ content: here('../../demo/content') }),
  ],
  // In this repository 'kb-elements' is the package itself (dist/, from npm run build);
  // an app that installed kb-elements from npm needs no alias.
  resolve: { alias: [{ find: /^kb-elements$/, replacement: here('../../dist/index.js') }] },
  build: { outDir: here('dist'), emptyOutDir: true },
});
