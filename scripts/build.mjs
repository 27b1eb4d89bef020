// `npm run build`: the library (ES), the single-file script-tag bundle, the Node entries
// (CLI, Vite plugin) and the .d.ts types, all into dist/.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'vite';

const quiet = process.argv.includes('--quiet');
const logLevel = quiet ? 'warn' : 'info';

rmSync('dist', { recursive: true, force: true });
const languages = JSON.parse(readFileSync('src/elements/locales/languages.json', 'utf8'));
for (const mode of ['lib', 'standalone', 'launcher', ...languages.map((lang) => `locale-${lang}`), 'node']) {
  await build({ mode, logLevel, configFile: 'vite.config.ts' });
}

const cli = 'dist/cli.js';
const source = readFileSync(cli, 'utf8');
if (!source.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${source}`);
chmodSync(cli, 0o755);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (!quiet) console.log('\nBuilt dist/. Sizes: npm run size');
