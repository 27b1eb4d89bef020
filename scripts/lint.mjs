// `node scripts/lint.mjs`: Prettier's format check, then ESLint (rules in tools/lint/eslint.config.js).
// Exits 1 when either finds something. `--no-format` leaves the format check out: `npm run lint`
// (which `npm test` runs first) passes it until the one commit that formats the whole code base.
// `--write` formats the code instead (`npm run format`), in as many passes as Prettier needs to
// settle (on a few chained calls its second pass differs from its first).
//
// The tools are the tools/lint workspace's (npm ci installs them), with its own TypeScript 5 for
// typescript-eslint: TypeScript 7, the project's compiler, has no JS API.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const lintRequire = createRequire(join(root, 'tools/lint/package.json'));
const eslintBin = join(dirname(lintRequire.resolve('eslint/package.json')), 'bin/eslint.js');
const prettierBin = join(dirname(lintRequire.resolve('prettier/package.json')), 'bin/prettier.cjs');

/**
 * Why typescript-eslint would not get TypeScript 5, or null. npm places a package with a peer
 * dependency on TypeScript next to the one it resolves; placed at the top, it would load the
 * project's TypeScript 7 and fail with an obscure error.
 */
export function typescriptProblem() {
  const chain = ['typescript-eslint', '@typescript-eslint/typescript-estree', 'ts-api-utils'];
  let from = lintRequire;
  for (const name of chain) {
    const entry = from.resolve(name);
    from = createRequire(entry);
    const version = JSON.parse(readFileSync(from.resolve('typescript/package.json'), 'utf8')).version;
    if (!version.startsWith('5.'))
      return `${name} loads TypeScript ${version}, not 5: run npm ci (package-lock.json places it in tools/lint/node_modules)`;
  }
  return null;
}

/**
 * Lints a piece of code with the project's rules as if it were the file at `filePath` (relative to
 * the project), which need not exist: its types come from tsconfig.json's settings all the same.
 */
export async function lintText(code, filePath) {
  const { ESLint } = await import(pathToFileURL(lintRequire.resolve('eslint')).href);
  const project = { allowDefaultProject: [filePath], defaultProject: 'tsconfig.json' };
  const overrideConfig = { files: [filePath], languageOptions: { parserOptions: { projectService: project } } };
  const [result] = await new ESLint({ cwd: root, overrideConfig }).lintText(code, { filePath: resolve(root, filePath) });
  return result.messages;
}

function run(name, bin, args) {
  console.log(`> ${name}`);
  const started = Date.now();
  const { status } = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  console.log(`  ${name}: ${status === 0 ? 'ok' : 'problems found'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return status === 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--write')) {
    for (let pass = 1; pass <= 3; pass++) {
      if (!run(`prettier --write (pass ${pass})`, prettierBin, ['--write', '--log-level', 'warn', '.'])) process.exit(1);
      const settled = spawnSync(process.execPath, [prettierBin, '--check', '--log-level', 'silent', '.'], { cwd: root }).status === 0;
      if (settled) process.exit(0);
    }
    process.exit(1);
  }
  const problem = typescriptProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  let ok = true;
  if (!args.includes('--no-format')) ok = run('prettier --check', prettierBin, ['--check', '--log-level', 'warn', '.']) && ok;
  ok = run('eslint', eslintBin, ['.']) && ok;
  process.exit(ok ? 0 : 1);
}
