import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { kbElements } from '../src/build/vite-plugin.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  plugins: [kbElements({ content: here('content') })],
});
