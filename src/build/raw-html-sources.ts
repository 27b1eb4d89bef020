import { lineIndex } from './line-index';

/**
 * The raw HTML pieces of one article, in the order they are written, with their source lines:
 * the sanitizer works on the whole article's HTML, and this finds the line a removed part was
 * written on. Each kind of text (`<script`, `onerror`, a URL) is looked for after the place
 * where the same text was last found, so repeats are told apart and every search is linear.
 */
export class RawHtmlSources {
  private readonly pieces: { line: number; text: string; lower?: string; lineOf?: (offset: number) => number }[] = [];
  private readonly found = new Map<string, { piece: number; at: number }>();

  add(line: number, text: string): void {
    this.pieces.push({ line, text });
  }

  get empty(): boolean {
    return this.pieces.length === 0;
  }

  /** Line of the first piece. */
  get firstLine(): number {
    return this.pieces[0]?.line ?? 1;
  }

  /** The line of the next place the first of `needles` that is found (lower case) is written. */
  lineOfAny(needles: string[]): number | undefined {
    for (const needle of needles) {
      const line = this.lineOf(needle);
      if (line !== undefined) return line;
    }
    return undefined;
  }

  /** The line of the next place `needle` (lower case) is written, or undefined when it is not. */
  lineOf(needle: string): number | undefined {
    const from = this.found.get(needle) ?? { piece: 0, at: 0 };
    for (let i = from.piece; i < this.pieces.length; i++) {
      const piece = this.pieces[i];
      piece.lower ??= piece.text.toLowerCase();
      const at = piece.lower.indexOf(needle, i === from.piece ? from.at : 0);
      if (at < 0) continue;
      this.found.set(needle, { piece: i, at: at + needle.length });
      piece.lineOf ??= lineIndex(piece.text);
      return piece.line + piece.lineOf(at) - 1;
    }
    this.found.set(needle, { piece: this.pieces.length, at: 0 });
    return undefined;
  }
}
