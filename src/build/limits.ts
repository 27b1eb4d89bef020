/**
 * Shapes of content that the parsers the build uses cannot take: nesting so deep that marked
 * or yaml run out of stack, memory or time (a list nested 5,000 levels, front matter of
 * 10,000 open `[`). Each is found in one pass before parsing and becomes an error for that
 * file, with its line; real content stays far below the limits.
 */

/** Columns of indentation (outside fenced code) and quote markers a Markdown line may have. */
export const MAX_MARKDOWN_INDENT = 200;
export const MAX_QUOTE_DEPTH = 100;
/** Front matter and YAML config: nesting of `[`/`{` and columns of indentation. */
export const MAX_YAML_DEPTH = 64;
export const MAX_YAML_INDENT = 256;
/** Front matter is a few fields; more than this is not read as front matter. */
export const MAX_FRONT_MATTER_BYTES = 256 * 1024;

export interface LimitProblem {
  message: string;
  /** 1-based line, in the text that was checked. */
  line: number;
}

/** An error for content over a limit, with the line it is on (relative to the checked text). */
export class ContentLimitError extends Error {
  override name = 'ContentLimitError';

  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The first line of Markdown nested deeper than the limits, outside fenced code. */
export function markdownNestingProblem(text: string): LimitProblem | undefined {
  let fence: string | undefined;
  let line = 0;
  for (let start = 0; start <= text.length;) {
    const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    line++;
    let column = 0;
    let quotes = 0;
    let i = start;
    for (; i < end; i++) {
      const char = text[i];
      if (char === ' ') column++;
      else if (char === '\t') column += 4 - (column % 4);
      else if (char === '>') quotes++;
      else break;
    }
    const rest = text.slice(i, Math.min(end, i + 4));
    if (fence === undefined && /^(```|~~~)/.test(rest)) fence = rest.slice(0, 3);
    else if (fence !== undefined && rest.startsWith(fence)) fence = undefined;
    else if (fence === undefined && column > MAX_MARKDOWN_INDENT)
      return {
        message: `a line indented ${column} columns: lists nested that deep are not converted (at most ${MAX_MARKDOWN_INDENT} columns)`,
        line,
      };
    if (quotes > MAX_QUOTE_DEPTH)
      return {
        message: `${quotes} quote markers (">") on a line: quotes nested that deep are not converted (at most ${MAX_QUOTE_DEPTH})`,
        line,
      };
    start = end + 1;
  }
  return undefined;
}

/**
 * The first place YAML nests deeper than the limits: `[`/`{` outside comments (inside quotes
 * too: a title of 65 brackets is no loss), or indentation.
 */
export function yamlNestingProblem(text: string): LimitProblem | undefined {
  let depth = 0;
  let line = 1;
  let column = 0;
  let indenting = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      line++;
      column = 0;
      indenting = true;
      continue;
    }
    if (indenting && char === ' ') {
      if (++column > MAX_YAML_INDENT) return { message: `a line indented more than ${MAX_YAML_INDENT} columns`, line };
      continue;
    }
    indenting = false;
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const next = text.indexOf('\n', i);
      i = (next < 0 ? text.length : next) - 1;
    } else if (char === '[' || char === '{') {
      if (++depth > MAX_YAML_DEPTH) return { message: `values nested more than ${MAX_YAML_DEPTH} deep`, line };
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return undefined;
}
