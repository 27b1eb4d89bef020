// Builds the React and Vue examples with Vite (each with the kb-elements Vite plugin), into
// examples/<name>/dist/, for test/elements/embed-frameworks.test.ts. Needs dist/ (npm run build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
if (!existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)))) {
  console.error('dist/index.js is missing: run npm run build first');
  process.exit(1);
}
for (const name of ['react', 'vue']) {
  const configFile = fileURLToPath(new URL(`./${name}/vite.config.ts`, import.meta.url));
  await build({ configFile, logLevel: 'warn' });
  console.log(`built examples/${name}/dist/`);
}
