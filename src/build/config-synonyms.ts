/** kb.config `synonyms`: groups of words or phrases that mean the same, checked with file and line. */
import { normalizeSynonyms, SYNONYM_LIMITS, synonymProblem } from '../core/search/synonyms';
import type { DiagnosticList } from './diagnostics';

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
  const warn = (message: string, line: number | undefined) => diagnostics.warn('config-synonyms', file, `setting "synonyms": ${message}`, line);
  if (!Array.isArray(value)) {
    warn(`should be ${synonymProblem(value, 'list')}; no synonyms are used.`, lines.setting);
    return [];
  }
  if (value.length > SYNONYM_LIMITS.groups) warn(`has ${value.length} groups; only the first ${SYNONYM_LIMITS.groups} are used.`, lines.setting);
  const groups: string[][] = [];
  value.slice(0, SYNONYM_LIMITS.groups).forEach((group: unknown, g) => {
    const at = lines.groups[g];
    const name = `group ${g + 1}`;
    if (!Array.isArray(group)) {
      warn(`${name} (${JSON.stringify(group)}) should be ${synonymProblem(group, 'group')}; ignored it.`, at?.line);
      return;
    }
    if (group.length > SYNONYM_LIMITS.members) warn(`${name} has ${group.length} words or phrases; only the first ${SYNONYM_LIMITS.members} are used.`, at?.line);
    const members: string[] = [];
    group.slice(0, SYNONYM_LIMITS.members).forEach((member: unknown, m) => {
      const problem = synonymProblem(member, 'member');
      if (problem) warn(`${name}, item ${m + 1} (${JSON.stringify(member)?.slice(0, 80)}) should be ${problem}; ignored it.`, at?.members[m] ?? at?.line);
      else members.push(member as string);
    });
    const kept = normalizeSynonyms([members]);
    if (kept.length) groups.push(kept[0]!);
    else if (members.length) warn(`${name} (${members.join(', ')}) has fewer than two different words or phrases; ignored it.`, at?.line);
  });
  return groups;
}
