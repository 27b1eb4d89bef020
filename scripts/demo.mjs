// `npm run demo`: serves demo/ (a fictional hosting control panel) with Vite. The Vite
// plugin builds demo/content into the knowledge-base bundle the page loads.
import { createServer } from 'vite';

// The kb-elements plugin is loaded from TypeScript sources; Vite's note about its future
// native config loader does not concern demo users.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

const server = await createServer({ configFile: 'demo/vite.config.ts', logLevel: 'warn' });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
console.log(`\n  kb-elements demo: ${url}\n  (Ctrl+C to stop)\n`);
