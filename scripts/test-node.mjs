// Runs the Node tests (core, build, project checks) with Node's own test runner.
// Node 20 has no glob in `--test` and no TypeScript stripping, so files are listed here
// and TypeScript is loaded through tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['test/core', 'test/build', 'test/project'];
const only = process.argv.slice(2);

function findTests(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = (only.length ? only : roots).flatMap((p) => (p.endsWith('.ts') ? [p] : findTests(p))).sort();
if (files.length === 0) {
  console.error('no Node test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
