/**
 * Where the bytes of a minified file go: each generated character is attributed, through the
 * file's source map, to the source it came from, and sources are grouped (a library, core,
 * one element folder, shared element code). A line without mappings (inside a multi-line
 * template literal: CSS, HTML) belongs to the source before it; other unmapped characters
 * (the bundler's own wrappers) count as "bundler glue".
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one source-map VLQ segment into its numbers. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char)!;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** The group a source path belongs to. */
export function groupOf(source: string): string {
  const path = source.replace(/^(\.\.\/)+/, '');
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(path)) return 'lib: lit';
  const lib = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (lib) return `lib: ${lib[1]}`;
  if (path.startsWith('src/core/search/') || path.startsWith('src/core/text/')) return 'core: search and text';
  if (path.startsWith('src/core/')) return 'core: KnowledgeBase, bundle format';
  const element = /^src\/elements\/(kb-[^/]+)\//.exec(path);
  if (element) return `element: ${element[1]}`;
  if (/^src\/elements\/shared\/(strings|locale-)/.test(path)) return 'shared: English strings, language loading';
  if (/^src\/(standalone|script-tag-api|elements\/index|elements\/locales\/)/.test(path)) return 'entry points';
  if (path.startsWith('src/elements/shared/')) return 'shared: element infrastructure';
  return `other: ${path}`;
}

export interface ByteGroup {
  name: string;
  /** Minified bytes attributed to the group. */
  bytes: number;
  /** Gzip size of the group's bytes compressed on their own. */
  gzip: number;
}

/** Minified bytes (and their gzip) per group of sources, largest first. */
export function attributeBytes(jsPath: string): ByteGroup[] {
  const code = readFileSync(jsPath, 'utf8');
  const map = JSON.parse(readFileSync(`${jsPath}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  const texts = new Map<string, string[]>();
  const add = (group: string, text: string) => {
    if (!texts.has(group)) texts.set(group, []);
    texts.get(group)!.push(text);
  };
  let source = 0;
  let owner = 'bundler glue';
  map.mappings.split(';').forEach((lineMappings, lineNo) => {
    const line = lines[lineNo] ?? '';
    let column = 0;
    let start = 0;
    for (const segment of lineMappings.split(',')) {
      if (!segment) continue;
      const [dCol, dSource] = decodeSegment(segment);
      column += dCol!;
      add(owner, line.slice(start, column));
      start = column;
      if (dSource !== undefined) {
        source += dSource;
        owner = groupOf(map.sources[source] ?? '');
      } else owner = 'bundler glue';
    }
    add(owner, line.slice(start));
  });
  return [...texts]
    .map(([name, parts]) => {
      const text = parts.join('');
      return { name, bytes: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
    })
    .filter((g) => g.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}
