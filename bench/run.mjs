// `npm run bench [name ...]`: runs the benchmarks (all, or the named ones) and stitches their
// tables into docs/benchmarks.md. Each benchmark is `bench/<name>/run.ts`; it prints its
// tables and writes them as Markdown to `bench/results/<name>.md`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ORDER = ['relevance', 'speed', 'build', 'size'];
const all = readdirSync('bench')
  .filter((name) => statSync(join('bench', name)).isDirectory() && existsSync(join('bench', name, 'run.ts')))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${all.join(', ')}`);
  process.exit(2);
}

let failed = false;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n=== bench/${name} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join('bench', name, 'run.ts')], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed = true;
}

const sections = all
  .map((name) => join('bench', 'results', `${name}.md`))
  .filter((path) => existsSync(path))
  .map((path) => readFileSync(path, 'utf8').trim());
writeFileSync(
  'docs/benchmarks.md',
  `# Benchmarks\n\nWritten by \`npm run bench\` (do not edit by hand). These machines are shared and noisy:\n` +
    `compare each row with the baselines measured in the same run, as ratios, more than as absolute times.\n\n` +
    `${sections.join('\n\n')}\n`,
);
console.log('\nwrote docs/benchmarks.md');
process.exit(failed ? 1 : 0);
