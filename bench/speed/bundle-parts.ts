/**
 * The alternative to src/core/json-sliced.ts that issue 14 asked to measure, kept here so that
 * the measurement can be repeated (bench/speed/parts.ts): the bundle cut into parts of about
 * `PART_CHARS` characters of JSON, each a file of its own that a reader parses with one short
 * `JSON.parse` as it arrives. `kb.json` keeps `format`, `version`, `meta` and the list of
 * `parts`; the other members are cut into parts.
 *
 * A part is an object of members to add to the bundle, in the order of `parts`: a member the
 * bundle does not have yet is set; an array is appended to the array so far, a string to the
 * string, a member of the bundle that is an object gets the part's members of it. Anything
 * else given twice is an error, so joining the parts gives back exactly what was cut.
 */
import { KbError, KnowledgeBase } from '../../src/core/index';
import { yieldIfDue } from '../../src/core/yield';

/** About the most characters of JSON in one part (an array item or an object member is not cut). */
export const PART_CHARS = 256 * 1024;
/** Members of `kb.json` itself, never cut into parts. */
const HEAD_MEMBERS = new Set(['format', 'version', 'meta', 'parts']);
/** A member of the bundle that is an object (`search`, `bodyFiles`) is cut into its members, and merged member by member; deeper objects are not. */
const OBJECT_LEVELS = 1;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets an own member the way `JSON.parse` does: a `__proto__` key stays a plain key. */
function put(target: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** One piece of the bundle small enough for a part: the member at `path`, or a slice of it. */
interface Piece {
  path: string[];
  value: unknown;
  chars: number;
}

/** `value` (at `path`) in pieces of about `partChars` characters of JSON, in document order. */
function* pieces(value: unknown, path: string[], partChars: number): Generator<Piece> {
  const chars = JSON.stringify(value)?.length ?? 0;
  if (chars <= partChars) {
    yield { path, value, chars };
  } else if (Array.isArray(value)) {
    let items: unknown[] = [];
    let size = 2;
    for (const item of value) {
      const itemChars = (JSON.stringify(item)?.length ?? 4) + 1;
      if (items.length && size + itemChars > partChars) {
        yield { path, value: items, chars: size };
        items = [];
        size = 2;
      }
      items.push(item);
      size += itemChars;
    }
    if (items.length) yield { path, value: items, chars: size };
  } else if (typeof value === 'string') {
    for (let at = 0; at < value.length;) {
      let end = Math.min(value.length, at + partChars);
      // Never between the two halves of a surrogate pair.
      if (end < value.length && end - at > 1 && (value.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      const piece = value.slice(at, end);
      yield { path, value: piece, chars: JSON.stringify(piece).length };
      at = end;
    }
  } else if (isObject(value) && path.length <= OBJECT_LEVELS) {
    for (const key of Object.keys(value)) yield* pieces(value[key], [...path, key], partChars);
  } else {
    yield { path, value, chars };
  }
}

/** Adds `value` at `path` inside `part`, as a reader will add the part to the bundle. */
function place(part: JsonObject, path: string[], value: unknown): void {
  let target = part;
  for (const key of path.slice(0, -1)) {
    if (!Object.hasOwn(target, key)) put(target, key, {});
    target = target[key] as JsonObject;
  }
  mergeMember(target, path[path.length - 1]!, value, path.length - 1, '');
}

/**
 * The bundle (its JSON members) as `kb.json`'s members and the parts to write after it, in
 * order; no parts when the whole bundle is at most `partChars` characters of JSON.
 */
export function cutIntoParts(bundle: JsonObject, partChars = PART_CHARS): { head: JsonObject; parts: JsonObject[] } {
  if (JSON.stringify(bundle).length <= partChars) return { head: bundle, parts: [] };
  const head: JsonObject = {};
  const parts: JsonObject[] = [];
  let part: JsonObject = {};
  let size = 0;
  for (const key of Object.keys(bundle)) {
    if (HEAD_MEMBERS.has(key)) {
      put(head, key, bundle[key]);
      continue;
    }
    for (const piece of pieces(bundle[key], [key], partChars)) {
      if (size && size + piece.chars > partChars) {
        parts.push(part);
        part = {};
        size = 0;
      }
      place(part, piece.path, piece.value);
      size += piece.chars + piece.path.join('').length + 4 * piece.path.length;
    }
  }
  if (size) parts.push(part);
  return { head, parts };
}

/** Adds one member of a part to `target` (see the module comment); `where` names the part in errors. */
function mergeMember(target: JsonObject, key: string, value: unknown, depth: number, where: string): void {
  if (!Object.hasOwn(target, key)) {
    put(target, key, value);
    return;
  }
  const have = target[key];
  if (Array.isArray(have) && Array.isArray(value)) {
    for (const item of value) have.push(item);
  } else if (typeof have === 'string' && typeof value === 'string') {
    target[key] = have + value;
  } else if (isObject(have) && isObject(value) && depth < OBJECT_LEVELS) {
    for (const member of Object.keys(value)) mergeMember(have, member, value[member], depth + 1, where);
  } else {
    throw new KbError('format', `Invalid knowledge-base bundle: ${where} gives "${key}" again, and it cannot be added to what came before`);
  }
}

/** Adds part number `index` (parsed) to the bundle read so far. Throws `KbError` kind `format`. */
export function mergeBundlePart(bundle: JsonObject, part: unknown, index: number): void {
  const where = `parts[${index}]`;
  if (!isObject(part)) throw new KbError('format', `Invalid knowledge-base bundle: ${where} must be a JSON object`);
  for (const key of Object.keys(part)) {
    if (HEAD_MEMBERS.has(key))
      throw new KbError('format', `Invalid knowledge-base bundle: ${where} may not set "${key}" (only kb.json does)`);
    mergeMember(bundle, key, part[key], 0, where);
  }
}

/** The bundle as `kb.json` (with `parts`: their paths, `parts/kb-<n>.json`) and the part files by path. */
export function bundleInParts(bundle: object, partChars = PART_CHARS): { json: string; parts: Map<string, string> } {
  const { head, parts } = cutIntoParts({ ...bundle }, partChars);
  const paths = parts.map((_, i) => `parts/kb-${i + 1}.json`);
  if (paths.length) Object.assign(head, { version: 2, parts: paths });
  return { json: JSON.stringify(head), parts: new Map(paths.map((path, i) => [path, JSON.stringify(parts[i])])) };
}

/** The files the benchmark's server adds for a set in parts: `/kb-<name>-parts.json` and `/parts/…`. */
export function servedInParts(name: string, bundle: object): Map<string, string> {
  const { json, parts } = bundleInParts(bundle);
  return new Map([[`/kb-${name}-parts.json`, json], ...[...parts].map(([path, text]) => [`/${path}`, text] as [string, string])]);
}

/** Parts requested at a time (what a browser opens to one host over HTTP/1.1). */
const PARTS_IN_FLIGHT = 6;

/**
 * `KnowledgeBase.load` for a bundle in parts: `kb.json`, then its parts a few at a time, each
 * parsed in one `JSON.parse` and added in order, the event loop getting a turn between them,
 * then `KnowledgeBase.fromAsync` (validation and the index's loading, sliced, as for one file).
 */
export async function loadInParts(url: string): Promise<KnowledgeBase> {
  const href = new URL(url, location.href).href;
  const bundle = (await (await fetch(href)).json()) as JsonObject;
  const paths = (bundle.parts ?? []) as string[];
  delete bundle.parts;
  bundle.version = 1;
  const texts: Promise<string>[] = [];
  const request = (i: number) => {
    if (i < paths.length) texts.push(fetch(new URL(paths[i]!, href)).then((r) => r.text()));
  };
  for (let i = 0; i < PARTS_IN_FLIGHT; i++) request(i);
  for (let i = 0; i < paths.length; i++) {
    const text = await texts[i]!;
    request(i + PARTS_IN_FLIGHT);
    await yieldIfDue();
    mergeBundlePart(bundle, JSON.parse(text), i);
  }
  // The strings joined from parts are V8 ropes: flattened here (`| 0`, as the flatstr package does), or the first search pays for it.
  let flattened = 0;
  for (const value of Object.values(bundle.search as JsonObject))
    if (typeof value === 'string') flattened |= (value as unknown as number) | 0;
  void flattened;
  return KnowledgeBase.fromAsync(bundle, { baseUrl: href });
}
