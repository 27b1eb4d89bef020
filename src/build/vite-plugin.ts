import type { Plugin } from 'vite';

export interface KbVitePluginOptions {
  /** Folder of Markdown content. */
  content: string;
}

export function kbElements(options: KbVitePluginOptions): Plugin {
  return { name: 'kb-elements', configResolved() { void options; } };
}
export default kbElements;
