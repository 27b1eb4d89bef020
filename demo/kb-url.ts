/** Where the demo's knowledge base is served (by the kb-elements Vite plugin, see vite.config.ts). */
export const KB_URL = '/help/kb.json';
