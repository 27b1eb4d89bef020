// `npm test`: the type check, the build (some tests check dist/), the Node tests (core, build,
// project checks), the browser-test fixtures, then the browser tests (elements, in headless
// Chromium). Stops at the first failing step; ends with one line "tests: N passed, N failed".
//
// Every step runs with a temp folder of its own (TMPDIR), removed at the end: a test that
// leaves a `kb-*` folder behind fails the run, and what the tools leave is listed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const steps = [
  { group: 'typecheck', name: 'type check', cmd: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { group: 'node browser', name: 'build', cmd: ['scripts/build.mjs', '--quiet'] },
  { group: 'node', name: 'Node tests', cmd: ['scripts/test-node.mjs'], count: /^# (pass|fail) (\d+)/ },
  { group: 'browser', name: 'browser test fixtures', cmd: ['--import', 'tsx', 'test/fixtures/build-fixtures.ts'] },
  { group: 'browser', name: 'framework examples (React, Vue)', cmd: ['examples/build.mjs'] },
  { group: 'browser', name: 'browser tests', cmd: ['node_modules/@web/test-runner/dist/bin.js'], count: /(\d+) passed, (\d+) failed/ },
];
// `node scripts/test.mjs node` or `... browser` runs one group (and what it needs).
const only = process.argv[2];

const totals = { pass: 0, fail: 0 };
const runTemp = mkdtempSync(join(tmpdir(), 'kb-test-run-'));
const env = { ...process.env, TMPDIR: runTemp, TMP: runTemp, TEMP: runTemp };
// Ctrl+C reaches the running step too; stop after it, and still clean up.
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, step.cmd, { stdio: ['ignore', 'pipe', 'inherit'], env });
    let last = { pass: 0, fail: 0 };
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      if (!step.count) return;
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        const m = line.replace(/\x1b\[[0-9;]*m/g, '').match(step.count);
        if (!m) continue;
        if (m[1] === 'pass' || m[1] === 'fail') last[m[1]] = Number(m[2]);
        else last = { pass: Number(m[1]), fail: Number(m[2]) };
      }
    });
    child.on('close', (code) => {
      totals.pass += last.pass;
      totals.fail += last.fail;
      resolve(code ?? 1);
    });
  });
}

const started = Date.now();
let status = 0;
for (const step of steps) {
  if (only && !step.group.split(' ').includes(only)) continue;
  console.log(`\n--- ${step.name} ---`);
  status = await run(step);
  if (interrupted) status ||= 130;
  if (status !== 0) {
    console.error(`\n${step.name} failed (exit ${status})`);
    break;
  }
}
// What the run left in its temp folder, less tsx's compile cache (tsx-<uid>, kept for the run only).
const left = readdirSync(runTemp).filter((name) => !/^tsx-\d+$/.test(name));
rmSync(runTemp, { recursive: true, force: true, maxRetries: 5 });
if (left.length) {
  console.error(`\nleft in the temp folder (removed now): ${left.join(', ')}`);
  if (left.some((name) => name.startsWith('kb-'))) {
    console.error('a test does not remove its temp folders: make them with test/build/helpers.ts');
    status ||= 1;
  }
}
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`tests: ${totals.pass} passed, ${totals.fail} failed`);
process.exit(status || (totals.fail ? 1 : 0));
