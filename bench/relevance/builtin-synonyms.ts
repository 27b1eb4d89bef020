/**
 * Would a built-in list of help-desk synonyms help knowledge bases it was not written for?
 * Our engine on every query set, without synonyms and with `help-desk-synonyms.json` (written
 * before the `*-where` sets; added to a corpus's own kb.config synonyms, if any).
 * `node --import tsx bench/relevance/builtin-synonyms.ts [corpus ...]`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpusWithConfig, type CorpusName } from './corpora';
import { ours } from './engines';
import { MODES, QUERY_SETS, readQueries, score } from './query-sets';

const list = JSON.parse(readFileSync(join('bench', 'relevance', 'help-desk-synonyms.json'), 'utf8')) as string[][];
const only = process.argv.slice(2) as CorpusName[];
for (const corpus of [...new Set(QUERY_SETS.map((s) => s.corpus))].filter((c) => !only.length || only.includes(c))) {
  const { articles, synonyms } = await loadCorpusWithConfig(corpus);
  const without = ours(articles, synonyms);
  const withList = ours(articles, [...synonyms, ...list]);
  for (const set of QUERY_SETS.filter((s) => s.corpus === corpus)) {
    const queries = readQueries(set, articles);
    const cells = MODES.map((m) => `${score(without, queries, m).mrr.toFixed(3)} -> ${score(withList, queries, m).mrr.toFixed(3)}`);
    console.log(`${`${set.file} (${set.role})`.padEnd(38)} ${cells.join('   ')}`);
  }
}
