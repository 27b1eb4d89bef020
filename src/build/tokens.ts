/** Walking marked's token tree: children, source lines and plain text. */
import type { Tokens } from 'marked';
import { decodeEntities, htmlToText } from './html-text';

/** A token with the 1-based source line the build found for it. */
export type Token = Tokens.Generic & { line?: number };

/** The direct children of a token, whatever kind it is (lists, tables, our extensions). */
function childTokens(token: Token): Token[] {
  switch (token.type) {
    case 'list':
      return token.items as Token[];
    case 'table':
      return [...(token.header as Tokens.TableCell[]), ...(token.rows as Tokens.TableCell[][]).flat()].flatMap(
        (cell) => cell.tokens as Token[],
      );
    case 'alert':
      return [...((token.titleTokens as Token[] | undefined) ?? []), ...(token.tokens as Token[])];
    case 'footnotes':
      return (token.notes as { tokens: Token[] }[]).flatMap((note) => note.tokens);
    default:
      return (token.tokens as Token[] | undefined) ?? [];
  }
}

/** Visits every token depth first, with its ancestors (outermost first). */
export function walkTokens(tokens: Token[], visit: (token: Token, ancestors: Token[]) => void, ancestors: Token[] = []): void {
  for (const token of tokens) {
    visit(token, ancestors);
    const children = childTokens(token);
    if (children.length) walkTokens(children, visit, [...ancestors, token]);
  }
}

/**
 * Gives every token the source line it starts on. marked keeps no positions, but each token
 * keeps its `raw` source, so children are found inside their parent's source in order. Where a
 * child's source was transformed (list items, nested blocks are dedented), its first line is
 * searched instead, and failing that it takes its parent's line.
 */
export function annotateLines(tokens: Token[], source: string, firstLine: number): void {
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return firstLine + low;
  };
  const annotate = (children: Token[], parentRaw: string, parentOffset: number) => {
    let cursor = 0;
    for (const token of children) {
      const raw = token.raw ?? '';
      // A child follows the one before it closely (a blockquote's children lost their `> `):
      // it is looked for near the cursor only, so the walk stays linear in the source.
      const near = parentRaw.slice(cursor, cursor + 2 * raw.length + 1024);
      let at = raw ? near.indexOf(raw) : -1;
      let length = raw.length;
      if (at < 0 && raw) {
        const trimmed = raw.trim();
        const first = trimmed.slice(0, (trimmed.indexOf('\n') + 1 || trimmed.length + 1) - 1).trim();
        at = first ? near.indexOf(first) : -1;
        length = first.length;
      }
      if (at >= 0) at += cursor;
      const offset = parentOffset + (at >= 0 ? at : cursor);
      token.line = lineAt(offset);
      if (at >= 0) cursor = at + length;
      const grandchildren = childTokens(token);
      if (grandchildren.length) annotate(grandchildren, at >= 0 ? raw : '', offset);
    }
  };
  annotate(tokens, source, 0);
}

const BLOCK = new Set([
  'paragraph',
  'heading',
  'code',
  'blockquote',
  'list',
  'list_item',
  'table',
  'alert',
  'tabs',
  'tab',
  'footnoteDef',
  'footnotes',
  'hr',
]);

/** Plain text of tokens: no markup, block boundaries as line breaks, references decoded. */
export function plainText(tokens: Token[]): string {
  return normalize(rawText(tokens));
}

function normalize(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}

function rawText(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) text += textOf(token);
  return text;
}

function textOf(token: Token): string {
  const end = BLOCK.has(token.type) || (token.type === 'html' && token.block) ? '\n' : '';
  switch (token.type) {
    case 'text':
      return token.tokens ? rawText(token.tokens as Token[]) : decodeEntities(token.text as string).replace(/\n/g, ' ');
    case 'escape':
      return token.text as string;
    case 'codespan':
      return (token.text as string).replace(/\n/g, ' ');
    case 'code':
      return `${token.text as string}\n`;
    case 'br':
      return '\n';
    case 'html':
      return htmlToText(token.text as string) + end;
    case 'image':
    case 'checkbox':
    case 'space':
    case 'hr':
    case 'def':
    case 'footnoteRef':
      return '';
    case 'list':
      return `${(token.items as Token[]).map((item) => rawText(item.tokens as Token[])).join('\n')}\n`;
    case 'table': {
      const row = (cells: Tokens.TableCell[]) => cells.map((cell) => rawText(cell.tokens as Token[])).join(' ');
      return `${[row(token.header as Tokens.TableCell[]), ...(token.rows as Tokens.TableCell[][]).map(row)].join('\n')}\n`;
    }
    case 'alert':
      return `${token.titleTokens ? `${rawText(token.titleTokens as Token[])}\n` : ''}${rawText(token.tokens as Token[])}\n`;
    case 'tab':
      return `${token.label as string}\n${rawText(token.tokens as Token[])}\n`;
    default:
      return rawText(childTokens(token)) + end;
  }
}
