/**
 * `JSON.parse` for large documents without long main-thread tasks. A JSON object's members
 * that are arrays or objects (a bundle's 10,000 articles, its body file names, its search
 * index) are parsed a batch of elements at a time, and a long string inside them (the index's
 * postings) a piece at a time. The text arrives in pieces (`SlicedJsonParser.push`), as a
 * response body is decoded, so no huge string is ever built: in headless Chromium, joining
 * the 10k bundle's 4.7 MB text into one string took a 30 ms task, decoding its bytes in one
 * go 200 ms, one `JSON.parse` of its 1.2 MB postings string 8 ms (bench/results/speed.md).
 *
 * Kept over the alternative, the bundle cut into files of 256 KB of JSON that are each one
 * short `JSON.parse` (issue 14; bench/speed/parts.ts measures both): at 10k articles, with no
 * network latency, a draw on the longest task (in both it is the word segmenter's load after
 * `load()`) and on the first result; with 50 ms per response the parts' first result came
 * 180 ms later (kb.json first, then the parts in rounds), and they cost a bundle version, 20
 * files to write, serve and fetch, and 0.8 % more gzip. Numbers: docs/benchmarks.md, Loading.
 */
import { yieldIfDue } from './yield';

/** Elements are parsed together until their text reaches this many characters. */
const BATCH_CHARS = 32 * 1024;
/** Bytes (or characters) decoded and scanned in one step. */
const PIECE = 32 * 1024;

const enum State {
  /** Before the first non-space character. */
  Start,
  /** The document is not an object: collected and parsed in one go at the end. */
  Whole,
  /** After `{` or `,`: a key (or, right after `{`, the closing brace). */
  Key,
  InKey,
  Colon,
  Value,
  /** A member value that is not an array or object. */
  Scalar,
  /** Inside a member's array or object, collecting elements into batches. */
  Container,
  AfterValue,
  Done,
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const NOT_SPACE = /[^ \n\r\t]/;

/** Sets an own property the way JSON.parse does: a "__proto__" key stays a plain key. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Parses one JSON document given as consecutive pieces of text. Each `push` does work in proportion to its piece. */
export class SlicedJsonParser {
  readonly #out: Record<string, unknown> = {};
  #state = State.Start;
  /** Characters pushed before the current piece (for error positions). */
  #offset = 0;
  #depth = 0;
  #inString = false;
  /** A backslash inside a string ended the previous piece. */
  #escape = false;
  /** The next backslash in this piece at or after the last place looked (2^32 - 1: none). */
  #backslash = -1;
  #firstKey = true;
  #key = '';
  /** The unit being collected (a key, a scalar, a batch of elements): earlier pieces' parts, and where it starts in this piece. */
  #held: string[] = [];
  #heldChars = 0;
  #from = -1;
  /** The current container member. */
  #isObject = false;
  #list: unknown[] = [];
  #object: Record<string, unknown> = {};
  /** The current batch follows a comma, so it must not be empty. */
  #afterComma = false;
  /** In an object member, between an entry's colon and its end; where (in the batch) the entry's key and value start. */
  #valueNext = false;
  #keyAt = 0;
  #valueAt = 0;
  /** A long string value, parsed a piece at a time: its entry's key, the value so far, text not parsed yet. */
  #long: { key: string; value: string; carry: string } | undefined;
  /** After a long string: the entry must end (a comma or the closing brace). */
  #afterLong = false;

  /** Scans the next piece of the text. Throws a SyntaxError as soon as the text cannot be JSON. */
  push(piece: string): void {
    if (this.#state === State.Whole) {
      this.#held.push(piece);
      return;
    }
    this.#scan(piece);
    this.#offset += piece.length;
  }

  /** The parsed value. Throws a SyntaxError if the text ended early. */
  end(): unknown {
    if (this.#state === State.Whole) return JSON.parse(this.#held.join(''));
    if (this.#state !== State.Done) throw new SyntaxError('Unexpected end of JSON input');
    return this.#out;
  }

  #fail(what: string, at: number): never {
    throw new SyntaxError(`${what} in JSON at position ${this.#offset + at}`);
  }

  /** Characters in the current batch up to index `i` of this piece. */
  #batchChars(i: number): number {
    return this.#heldChars + i - this.#from;
  }

  #scan(piece: string): void {
    const n = piece.length;
    if (this.#from >= 0) this.#from = 0;
    this.#backslash = -1;
    let i = 0;
    while (i < n) {
      if (this.#inString) {
        i = this.#stringEnd(piece, i);
        if (this.#long) this.#longPart(piece, i);
        else if (this.#inString) {
          if (this.#state === State.Container && this.#valueNext && this.#depth === 2 && this.#batchChars(n) - this.#valueAt > BATCH_CHARS)
            this.#startLong(piece);
        } else if (this.#state === State.InKey) {
          this.#key = JSON.parse(this.#take(piece, i)) as string;
          this.#state = State.Colon;
        }
        continue;
      }
      const c = piece.charCodeAt(i);
      switch (this.#state) {
        case State.Start:
          if (isSpace(c)) break;
          if (c !== 123) {
            this.#state = State.Whole;
            this.#held.push(piece);
            return;
          }
          this.#depth = 1;
          this.#state = State.Key;
          break;
        case State.Key:
          if (isSpace(c)) break;
          if (c === 125 && this.#firstKey) {
            this.#state = State.Done;
            break;
          }
          if (c !== 34) this.#fail('Expected a property name', i);
          this.#firstKey = false;
          this.#state = State.InKey;
          this.#inString = true;
          this.#from = i;
          break;
        case State.Colon:
          if (isSpace(c)) break;
          if (c !== 58) this.#fail("Expected ':' after a property name", i);
          this.#state = State.Value;
          break;
        case State.Value:
          if (isSpace(c)) break;
          if (c === 123 || c === 91) {
            this.#isObject = c === 123;
            this.#list = [];
            this.#object = {};
            this.#afterComma = false;
            this.#valueNext = false;
            this.#depth = 2;
            this.#state = State.Container;
            this.#from = i + 1;
          } else {
            this.#state = State.Scalar;
            this.#from = i;
            if (c === 34) this.#inString = true;
          }
          break;
        case State.Scalar:
          if (c === 34) this.#inString = true;
          else if (c === 44 || c === 125) {
            put(this.#out, this.#key, this.#parse(this.#take(piece, i), i));
            this.#state = c === 44 ? State.Key : State.Done;
          }
          break;
        case State.Container:
          i = this.#container(piece, i);
          continue;
        case State.AfterValue:
          if (isSpace(c)) break;
          if (c === 44) this.#state = State.Key;
          else if (c === 125) this.#state = State.Done;
          else this.#fail("Expected ',' or '}' after a property value", i);
          break;
        case State.Done:
          if (!isSpace(c)) this.#fail('Unexpected non-whitespace character after JSON', i);
          break;
      }
      i++;
    }
    if (this.#from >= 0 && this.#from < n) {
      this.#held.push(piece.slice(this.#from));
      this.#heldChars += n - this.#from;
    }
  }

  /** Scans container text from `i` up to the end of the piece, the end of the container, or a string. */
  #container(piece: string, i: number): number {
    const n = piece.length;
    for (; i < n; i++) {
      const c = piece.charCodeAt(i);
      if (this.#afterLong && !isSpace(c)) {
        this.#afterLong = false;
        if (c === 44) {
          this.#from = i + 1;
          this.#afterComma = true;
          this.#valueNext = false;
          continue;
        }
        if (c !== 125) this.#fail("Expected ',' or '}' after a property value", i);
      }
      if (c === 34) {
        if (this.#depth === 2 && this.#isObject) {
          if (this.#valueNext) this.#valueAt = this.#batchChars(i);
          else this.#keyAt = this.#batchChars(i);
        }
        this.#inString = true;
        return i + 1;
      }
      if (c === 123 || c === 91) this.#depth++;
      else if (c === 125 || c === 93) {
        if (--this.#depth === 1) {
          if ((c === 125) !== this.#isObject) this.#fail(`Unexpected '${String.fromCharCode(c)}'`, i);
          this.#batch(this.#takeParts(piece, i), true, i);
          put(this.#out, this.#key, this.#isObject ? this.#object : this.#list);
          this.#list = [];
          this.#object = {};
          this.#state = State.AfterValue;
          return i + 1;
        }
      } else if (this.#depth === 2) {
        if (c === 58) this.#valueNext = this.#isObject;
        else if (c === 44) {
          this.#valueNext = false;
          if (this.#batchChars(i) >= BATCH_CHARS) {
            this.#batch(this.#takeParts(piece, i), false, i);
            this.#afterComma = true;
            this.#from = i + 1;
          }
        }
      }
    }
    return n;
  }

  /** Index just after the string's closing quote in this piece, or the piece's length if the string goes on. */
  #stringEnd(piece: string, i: number): number {
    if (this.#escape) {
      this.#escape = false;
      i++;
    }
    const n = piece.length;
    for (;;) {
      const quote = piece.indexOf('"', i);
      if (this.#backslash < i) this.#backslash = piece.indexOf('\\', i) >>> 0;
      if (this.#backslash < quote >>> 0) {
        if (this.#backslash === n - 1) {
          this.#escape = true;
          return n;
        }
        i = this.#backslash + 2;
        continue;
      }
      if (quote < 0) return n;
      this.#inString = false;
      return quote + 1;
    }
  }

  /** The collected unit's text up to `end` in this piece, as parts; collection stops. */
  #takeParts(piece: string, end: number): string[] {
    const parts = this.#held;
    parts.push(piece.slice(this.#from, end));
    this.#held = [];
    this.#heldChars = 0;
    this.#from = -1;
    return parts;
  }

  #take(piece: string, end: number): string {
    return this.#takeParts(piece, end).join('');
  }

  #parse(text: string, at: number): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SyntaxError(`${(error as Error).message} (in the part of the JSON text that ends at position ${this.#offset + at})`, {
        cause: error,
      });
    }
  }

  /** Parses a batch of elements (text parts) into the current member. */
  #batch(parts: string[], last: boolean, at: number): void {
    if (!parts.some((p) => NOT_SPACE.test(p))) {
      if (this.#afterComma || !last) this.#fail('Unexpected comma', at);
      return;
    }
    if (this.#isObject) {
      const batch = this.#parse(['{', ...parts, '}'].join(''), at) as Record<string, unknown>;
      for (const key of Object.keys(batch)) put(this.#object, key, batch[key]);
    } else {
      for (const item of this.#parse(['[', ...parts, ']'].join(''), at) as unknown[]) this.#list.push(item);
    }
  }

  /**
   * The string value being scanned is long: the entries before it in the batch are parsed,
   * and the string from here on a piece at a time, never as one text.
   */
  #startLong(piece: string): void {
    const text = this.#take(piece, piece.length);
    const before = text.slice(0, this.#keyAt);
    const comma = before.search(/,[ \n\r\t]*$/);
    if (comma >= 0) this.#batch([before.slice(0, comma)], false, piece.length);
    else if (NOT_SPACE.test(before)) this.#fail("Expected ',' before a property name", piece.length);
    this.#afterComma = false;
    const key = this.#parse(text.slice(this.#keyAt, this.#valueAt).replace(/[ \n\r\t]*:[ \n\r\t]*$/, ''), piece.length) as string;
    put(this.#object, key, null); // keeps the key's place among the object's keys
    this.#long = { key, value: '', carry: text.slice(this.#valueAt + 1) };
    this.#from = piece.length;
  }

  /** Adds the long string's text in this piece (up to its closing quote at `end - 1`, or the end of the piece). */
  #longPart(piece: string, end: number): void {
    const long = this.#long!;
    const done = !this.#inString;
    const text = long.carry + piece.slice(this.#from, done ? end - 1 : end);
    try {
      // A piece may end inside an escape sequence: then its text waits for the next piece.
      long.value += JSON.parse(`"${text}"`) as string;
      long.carry = '';
    } catch (error) {
      if (done) this.#fail((error as Error).message.replace(/ in JSON at position.*/s, ''), end);
      long.carry = text;
    }
    this.#from = end;
    if (done) {
      put(this.#object, long.key, long.value);
      this.#long = undefined;
      this.#afterLong = true;
    }
  }
}

/**
 * Decodes UTF-8 byte chunks (a response body, read as it arrives) and parses them as JSON,
 * a piece at a time, giving the event loop a turn whenever a slice has run its budget.
 */
export async function parseJsonChunks(next: () => Promise<Uint8Array | undefined>): Promise<unknown> {
  const parser = new SlicedJsonParser();
  const decoder = new TextDecoder();
  for (let chunk = await next(); chunk; chunk = await next()) {
    for (let at = 0; at < chunk.length; at += PIECE) {
      parser.push(decoder.decode(chunk.subarray(at, at + PIECE), { stream: true }));
      await yieldIfDue();
    }
  }
  parser.push(decoder.decode());
  return parser.end();
}
