/** kb.config `synonyms`: groups of words or phrases that mean the same, checked with file and line. */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { normalizeSynonyms, SYNONYM_LIMITS, synonymProblem } from '../core/search/synonyms';
import type { DiagnosticList } from './diagnostics';
import { lineIndex } from './line-index';

/** Lines of the groups and of their members, where the parser can tell. */
export interface SynonymLines {
  setting?: number;
  groups: { line?: number; members: (number | undefined)[] }[];
}

/**
 * The usable groups of `value`. Whatever breaks a rule is a warning with its line and is left
 * out (the rest is used); a list longer than the limits is cut, with a warning, without
 * reading the rest.
 */
export function readSynonyms(value: unknown, file: string, lines: SynonymLines, diagnostics: DiagnosticList): string[][] {
  const warn = (message: string, line: number | undefined) =>
    diagnostics.warn('config-synonyms', file, `setting "synonyms": ${message}`, line);
  if (!Array.isArray(value)) {
    warn(`should be ${synonymProblem(value, 'list')}; no synonyms are used.`, lines.setting);
    return [];
  }
  if (value.length > SYNONYM_LIMITS.groups)
    warn(`has ${value.length} groups; only the first ${SYNONYM_LIMITS.groups} are used.`, lines.setting);
  const groups: string[][] = [];
  value.slice(0, SYNONYM_LIMITS.groups).forEach((group: unknown, g) => {
    const at = lines.groups[g];
    const name = `group ${g + 1}`;
    if (!Array.isArray(group)) {
      warn(`${name} (${JSON.stringify(group)}) should be ${synonymProblem(group, 'group')}; ignored it.`, at?.line);
      return;
    }
    if (group.length > SYNONYM_LIMITS.members)
      warn(`${name} has ${group.length} words or phrases; only the first ${SYNONYM_LIMITS.members} are used.`, at?.line);
    const members: string[] = [];
    group.slice(0, SYNONYM_LIMITS.members).forEach((member: unknown, m) => {
      const problem = synonymProblem(member, 'member');
      if (problem)
        warn(
          `${name}, item ${m + 1} (${JSON.stringify(member)?.slice(0, 80)}) should be ${problem}; ignored it.`,
          at?.members[m] ?? at?.line,
        );
      else members.push(member as string);
    });
    const kept = normalizeSynonyms([members]);
    if (kept.length) groups.push(kept[0]!);
    else if (members.length) warn(`${name} (${members.join(', ')}) has fewer than two different words or phrases; ignored it.`, at?.line);
  });
  return groups;
}

/** Lines of the `synonyms` setting, groups and members in a YAML document. */
export function yamlSynonymLines(doc: Document, lineOf: (node: unknown) => number | undefined): SynonymLines {
  const groups = doc.get('synonyms', true);
  const key = isMap(doc.contents) ? doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'synonyms')?.key : undefined;
  return {
    setting: lineOf(key),
    groups: isSeq(groups) ? groups.items.map((g) => ({ line: lineOf(g), members: isSeq(g) ? g.items.map(lineOf) : [] })) : [],
  };
}

/** Lines of the `synonyms` groups and members in JSON text: each member's text is found in order after the key. */
export function jsonSynonymLines(text: string, groups: unknown): SynonymLines {
  const keyAt = text.indexOf('"synonyms"');
  if (keyAt < 0) return { groups: [] };
  // Positions only grow, so lines are counted once through the text; after a text that is not
  // found as written (escapes), the rest go without lines rather than searching again and again.
  const lineAt = lineIndex(text);
  const setting = lineAt(keyAt);
  if (!Array.isArray(groups)) return { setting, groups: [] };
  let from = keyAt;
  // A list past the limits is not read further (see readSynonyms): only the lines it reads are wanted.
  return {
    setting,
    groups: groups.slice(0, SYNONYM_LIMITS.groups).map((group: unknown) => {
      const members = (Array.isArray(group) ? group.slice(0, SYNONYM_LIMITS.members) : [group]).map((member: unknown) => {
        const at = from < 0 ? -1 : text.indexOf(JSON.stringify(member) ?? String(member), from);
        if (at < 0) {
          from = -1;
          return undefined;
        }
        from = at + 1;
        return lineAt(at);
      });
      return { line: members[0], members };
    }),
  };
}
