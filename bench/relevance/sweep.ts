/**
 * Measures one ranking setting at several values: for each value, a copy of the sources with
 * that value written in, our engine run on every query set (`quick.ts`), MRR@10 per set and
 * mode. How the weights in `src/core/search/options.ts` and `src/build/link-text.ts` were
 * chosen (bench/relevance/weights.md has the results).
 *
 * `node --import tsx bench/relevance/sweep.ts <setting> <value> [<value> ...] [--corpora a,b]`
 * Settings: see SETTINGS. A value is put into the source text as written (`0.5`, `[6, 3, 2.5, 1.5, 1, 0.5, 1]`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where each setting is written: the file and the text in front of the value, up to the end of the line (the value's `;` or `,` is kept). */
const SETTINGS: Record<string, { file: string; pattern: RegExp }> = {
  boost: { file: 'src/core/search/options.ts', pattern: /(export const FIELD_BOOST: readonly number\[\] = )(\[[^\]]*\])/ },
  synonym: { file: 'src/core/search/options.ts', pattern: /(export const SYNONYM_WEIGHT = )([\d.]+)/ },
  stem: { file: 'src/core/search/options.ts', pattern: /(export const STEM_WEIGHT = )([\d.]+)/ },
  bm25: { file: 'src/core/search/options.ts', pattern: /(export const BM25 = )(\{[^}]*\})/ },
  perTarget: { file: 'src/build/link-text.ts', pattern: /(perTarget: )(\d+)/ },
  perPair: { file: 'src/build/link-text.ts', pattern: /(perPair: )(\d+)/ },
  linkWords: { file: 'src/build/link-text.ts', pattern: /(words: )(\d+)/ },
  generic: { file: 'src/build/link-text.ts', pattern: /(export const GENERIC_LINK_WORDS = new Set\(\n)([\s\S]*?)(?=\n\);)/ },
  outsideTitle: { file: 'src/core/search/build-index.ts', pattern: /(const ONCE_OUTSIDE_TITLE: readonly number\[\] = )(\[[^\]]*\])/ },
};

const args = process.argv.slice(2);
const corporaAt = args.indexOf('--corpora');
const corpora = corporaAt >= 0 ? args[corporaAt + 1]!.split(',') : [];
const [name, ...values] = args.filter((a, i) => !a.startsWith('--') && (corporaAt < 0 || i !== corporaAt + 1));
const setting = SETTINGS[name ?? ''];
if (!setting || !values.length) {
  console.error(`usage: sweep.ts <${Object.keys(SETTINGS).join('|')}> <value> [<value> ...] [--corpora a,b]`);
  process.exit(2);
}

const project = process.cwd();
for (const value of values) {
  const top = mkdtempSync(join(tmpdir(), 'kb-sweep-'));
  try {
    const root = join(top, 'project');
    cpSync(join(project, 'src'), join(root, 'src'), { recursive: true });
    cpSync(join(project, 'bench'), join(root, 'bench'), { recursive: true });
    for (const linked of ['node_modules', 'demo', 'package.json', 'tsconfig.json']) symlinkSync(join(project, linked), join(root, linked));
    symlinkSync(resolve(project, '..', 'shared'), join(top, 'shared'));
    const file = join(root, setting.file);
    const text = readFileSync(file, 'utf8');
    if (!setting.pattern.test(text)) throw new Error(`${name}: pattern not found in ${setting.file}`);
    writeFileSync(
      file,
      text.replace(setting.pattern, (_m, head: string) => `${head}${value}`),
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'relevance', 'quick.ts'), ...corpora], {
      cwd: root,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    console.log(`\n${name} = ${value.replace(/\s+/g, ' ')}`);
    process.stdout.write(run.stdout);
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
}
