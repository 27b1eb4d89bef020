// `npm run size`: raw, gzip and brotli sizes of every file in dist/ (source maps and .d.ts
// types are summed on one line each), and the budgets they are held to.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGETS = { 'kb-elements.js': 32 * 1024, 'kb-launcher.js': 4 * 1024 };

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function measure(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  let files;
  try {
    files = walk('dist');
  } catch {
    console.error('dist/ is missing: run npm run build first');
    process.exit(1);
  }
  const rows = [];
  const grouped = { '*.map': [], '*.d.ts': [] };
  for (const file of files.sort()) {
    const name = relative('dist', file);
    if (name.endsWith('.map')) grouped['*.map'].push(measure(file));
    else if (name.endsWith('.d.ts')) grouped['*.d.ts'].push(measure(file));
    else rows.push([name, measure(file)]);
  }
  for (const [label, sizes] of Object.entries(grouped)) {
    if (!sizes.length) continue;
    const sum = (k) => sizes.reduce((t, s) => t + s[k], 0);
    rows.push([`${label} (${sizes.length} files)`, { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') }]);
  }
  const width = Math.max(...rows.map(([n]) => n.length), 4);
  console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  ${'brotli'.padStart(10)}  budget`);
  let over = false;
  for (const [name, s] of rows) {
    const budget = BUDGETS[name];
    const verdict = budget ? (s.gzip <= budget ? `ok (<= ${kib(budget)} gzip)` : `OVER ${kib(budget)} gzip`) : '';
    if (budget && s.gzip > budget) over = true;
    console.log(
      `${name.padEnd(width)}  ${kib(s.raw).padStart(10)}  ${kib(s.gzip).padStart(10)}  ${kib(s.brotli).padStart(10)}  ${verdict}`,
    );
  }
  if (over) process.exitCode = 1;
}
