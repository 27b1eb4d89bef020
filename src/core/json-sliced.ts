/**
 * `JSON.parse` for large documents without long main-thread tasks: a JSON object whose big
 * arrays and objects (a bundle's 10,000 articles and body file names) are parsed a batch of
 * elements at a time, yielding to the event loop in between. Anything else is parsed in one go.
 */
import { yieldToEventLoop } from './yield';

const BATCH_CHARS = 128 * 1024;
const BUDGET_MS = 8;

interface Member {
  key: string;
  start: number;
  end: number;
  /** For an array or object value: where each element (or `"key": value` entry) starts and ends. */
  elements?: number[];
  isObject?: boolean;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** End (index of the closing quote) of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) throw new SyntaxError('Unterminated string in JSON');
    let backslashes = 0;
    for (let k = quote - 1; text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

/** Finds the top-level members of a JSON object text, and the elements of its array members. */
async function scan(text: string): Promise<Member[]> {
  const members: Member[] = [];
  let depth = 0;
  let key = '';
  let expectKey = false;
  let current: Member | undefined;
  let elementStart = -1;
  let sliceStart = performance.now();
  let steps = 0;
  for (let i = 0; i < text.length; i++) {
    if ((++steps & 4095) === 0 && performance.now() - sliceStart > BUDGET_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c === 34) {
      const end = stringEnd(text, i);
      if (depth === 1 && expectKey) {
        key = JSON.parse(text.slice(i, end + 1)) as string;
        expectKey = false;
      } else if (depth === 1 && current && current.start < 0) current.start = i;
      else if (depth === 2 && current?.elements && elementStart < 0) elementStart = i;
      i = end;
      continue;
    }
    if (depth === 1 && c === 58) {
      current = { key, start: -1, end: -1 };
      members.push(current);
      continue;
    }
    if (depth === 1 && current && current.start < 0) current.start = i;
    if (depth === 2 && current?.elements && elementStart < 0 && c !== 93 && c !== 44) elementStart = i;
    if (c === 123 || c === 91) {
      depth++;
      if (depth === 1) {
        if (c !== 123) throw new SyntaxError('not an object');
        expectKey = true;
      } else if (depth === 2 && current && current.start === i) {
        current.elements = [];
        current.isObject = c === 123;
      }
    } else if (c === 125 || c === 93) {
      if (depth === 2 && current?.elements && elementStart >= 0) {
        current.elements.push(elementStart, i);
        elementStart = -1;
      }
      depth--;
      if (depth === 1 && current) current.end = i + 1;
      if (depth === 0) {
        if (current && current.end < 0) current.end = i;
        break;
      }
    } else if (c === 44) {
      if (depth === 1) {
        if (current && current.end < 0) current.end = i;
        expectKey = true;
      } else if (depth === 2 && current?.elements && elementStart >= 0) {
        current.elements.push(elementStart, i);
        elementStart = -1;
      }
    }
  }
  if (depth !== 0) throw new SyntaxError('Unbalanced JSON');
  return members;
}

export async function parseJsonSliced(text: string): Promise<unknown> {
  if (!text.trimStart().startsWith('{')) return JSON.parse(text);
  let members: Member[];
  try {
    members = await scan(text);
  } catch {
    return JSON.parse(text); // not an object, or malformed: let JSON.parse say what is wrong
  }
  const out: Record<string, unknown> = {};
  for (const m of members) {
    await yieldToEventLoop();
    if (!m.elements || m.end - m.start < BATCH_CHARS) {
      out[m.key] = JSON.parse(text.slice(m.start, m.end).trimEnd());
      continue;
    }
    const list: unknown[] = [];
    const object: Record<string, unknown> = {};
    const e = m.elements;
    for (let i = 0; i < e.length; ) {
      let j = i;
      while (j < e.length && e[j + 1]! - e[i]! < BATCH_CHARS) j += 2;
      if (j === i) j += 2;
      const slice = text.slice(e[i]!, e[j - 1]!);
      if (m.isObject) {
        const batch = JSON.parse(`{${slice}}`) as Record<string, unknown>;
        // defineProperty, not assignment: a "__proto__" key stays a plain key, as JSON.parse makes it.
        for (const key of Object.keys(batch)) Object.defineProperty(object, key, { value: batch[key], enumerable: true, writable: true, configurable: true });
      } else {
        for (const item of JSON.parse(`[${slice}]`) as unknown[]) list.push(item);
      }
      i = j;
      await yieldToEventLoop();
    }
    out[m.key] = m.isObject ? object : list;
  }
  return out;
}
