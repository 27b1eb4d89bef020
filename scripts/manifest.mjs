// Generates custom-elements.json from the elements' JSDoc, and from it the element reference in
// docs/api.md (scripts/api-reference.mjs), or checks that both are current.
// `node scripts/manifest.mjs` (`npm run analyze`) writes them; `--check` exits 1 when one is stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkApiDoc, writeApiDoc } from './api-reference.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');

/** Runs the analyzer into `outdir` (relative to the project root) and returns the JSON text. */
export function generateManifest(outdir = '.') {
  execFileSync(process.execPath, [cem, 'analyze', '--quiet', '--outdir', outdir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return readFileSync(join(root, outdir, 'custom-elements.json'), 'utf8');
}

/** The manifest the sources produce now, without touching the committed one. */
export function freshManifest() {
  const dir = mkdtempSync(join(tmpdir(), 'kb-cem-'));
  try {
    return generateManifest(relative(root, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compares a manifest file with what the sources produce. Returns a problem, or null. */
export function checkManifest(path = join(root, 'custom-elements.json')) {
  let committed;
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    return `${path} is missing: run npm run analyze`;
  }
  const normalize = (text) => JSON.stringify(JSON.parse(text));
  return normalize(committed) === normalize(freshManifest())
    ? null
    : `${relative(root, path)} is stale: run npm run analyze and commit the result`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const problem = checkManifest() ?? checkApiDoc();
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
    console.log('custom-elements.json and the reference in docs/api.md are current');
  } else {
    generateManifest();
    writeApiDoc();
    console.log('wrote custom-elements.json and the element reference in docs/api.md');
  }
}
