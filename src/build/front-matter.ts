import { LineCounter, isMap, isNode, isScalar, parse, parseDocument } from 'yaml';
import type { DiagnosticList } from './diagnostics';
import { MAX_FRONT_MATTER_BYTES, yamlNestingProblem } from './limits';

export interface FrontMatter {
  /**
   * The fields, none when there is no front matter or it could not be read. Objects without a
   * prototype: a key such as `__proto__` or `constructor` is a field like any other.
   */
  data: Record<string, unknown>;
  /** 1-based line of each field's key, for diagnostics about a field (no prototype either). */
  lines: Record<string, number>;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits `---` front matter from the Markdown and reads it as YAML. Real content has broken
 * front matter: a repeated key is a warning (the last value wins, as in most tools); YAML that
 * does not parse is an error with its line, and the fields that can still be read one line at
 * a time are kept, so the article survives.
 */
export function readFrontMatter(text: string, file: string, diagnostics: DiagnosticList): FrontMatter {
  const lines = text.split('\n');
  if (!OPEN.test(lines[0] ?? '')) return { ...noFields(), body: text, bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (end < 0) {
    diagnostics.error(
      'front-matter-unclosed',
      file,
      'front matter starts with "---" but has no closing "---"; read the whole file as Markdown.',
      1,
    );
    return { ...noFields(), body: text, bodyLine: 1 };
  }
  const yaml = lines.slice(1, end).join('\n');
  const body = lines.slice(end + 1).join('\n');
  const bodyLine = end + 2;
  const unreadable =
    yaml.length > MAX_FRONT_MATTER_BYTES
      ? { message: `it is ${Math.round(yaml.length / 1024)} KB (at most ${MAX_FRONT_MATTER_BYTES / 1024} KB is read)`, line: 1 }
      : yamlNestingProblem(yaml);
  if (unreadable) {
    diagnostics.error('front-matter-yaml', file, `front matter not read: ${unreadable.message}; ignored it.`, unreadable.line + 1);
    return { ...noFields(), body, bodyLine };
  }
  const parsed = parseYaml(yaml, file, diagnostics);
  return { ...parsed, body, bodyLine };
}

function parseYaml(yaml: string, file: string, diagnostics: DiagnosticList): Pick<FrontMatter, 'data' | 'lines'> {
  if (yaml.trim() === '') return noFields();
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { uniqueKeys: false, lineCounter: counter, prettyErrors: false });
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;

  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const salvaged = salvageFields(yaml);
    const kept = Object.keys(salvaged.data);
    diagnostics.error(
      'front-matter-yaml',
      file,
      `front matter is not valid YAML: ${first.message.split('\n')[0]}. ` +
        (kept.length ? `Kept the fields that could be read: ${kept.join(', ')}.` : 'Ignored it.'),
      fileLine(first.pos[0]),
    );
    return salvaged;
  }
  if (doc.contents === null) return noFields();
  if (!isMap(doc.contents)) {
    diagnostics.error('front-matter-yaml', file, 'front matter must be a YAML mapping of `field: value` lines; ignored it.', 2);
    return noFields();
  }

  const { data, lines: fieldLines } = noFields();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = isScalar(pair.key) && pair.key.range ? fileLine(pair.key.range[0]) : 2;
    if (key in fieldLines) {
      diagnostics.warn(
        'front-matter-duplicate',
        file,
        `front matter field "${key}" is repeated (first on line ${fieldLines[key]}); the last value wins.`,
        line,
      );
    }
    data[key] = isNode(pair.value) ? pair.value.toJSON() : (pair.value ?? null);
    fieldLines[key] = line;
  }
  return { data, lines: fieldLines };
}

/** Reads `key: value` lines one at a time, skipping the ones that do not parse. */
function salvageFields(yaml: string): Pick<FrontMatter, 'data' | 'lines'> {
  const { data, lines } = noFields();
  yaml.split('\n').forEach((text, i) => {
    const match = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(text);
    if (!match || match[2].trim() === '') return;
    try {
      const value: unknown = parse(match[2]);
      // `Security: Fail2Ban` parses as a mapping; on one line, it was meant as text.
      const meantAsText = value !== null && typeof value === 'object' && !Array.isArray(value) && !match[2].trim().startsWith('{');
      data[match[1]] = meantAsText ? match[2].trim() : value;
      lines[match[1]] = i + 2;
    } catch {
      // `title: Security: Fail2Ban` is not YAML but plainly means a text; a broken list or
      // quote (`tags: [a, b`) is left out rather than guessed at.
      if (/^[[{"'|>&*!%@`]/.test(match[2].trim())) return;
      data[match[1]] = match[2].trim();
      lines[match[1]] = i + 2;
    }
  });
  return { data, lines };
}

/** Empty fields and lines, as objects without a prototype. */
function noFields(): Pick<FrontMatter, 'data' | 'lines'> {
  return { data: Object.create(null) as Record<string, unknown>, lines: Object.create(null) as Record<string, number> };
}
