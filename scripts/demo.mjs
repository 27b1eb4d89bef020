// `npm run demo`: serves demo/ (a fictional hosting control panel) with Vite. The Vite
// plugin builds demo/content into the knowledge-base bundle the page loads.
import { createServer } from 'vite';

// configLoader 'runner': the config imports the plugin's TypeScript sources, whose imports are
// extensionless.
const server = await createServer({ configFile: 'demo/vite.config.ts', configLoader: 'runner', logLevel: 'warn' });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
console.log(`\n  kb-elements demo: ${url}\n  (Ctrl+C to stop)\n`);
