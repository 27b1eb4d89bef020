/**
 * marked extensions for the Markdown that real help centers are written in, beyond GFM:
 * GitHub alerts (`> [!NOTE]`), MkDocs admonitions (`!!! note "Title"`, collapsible `???`),
 * MkDocs content tabs (`=== "Docker"`, shown one after the other) and footnotes (`[^1]`).
 * Each nested body is lexed by the same lexer, so reference links defined anywhere in the
 * article resolve inside them. Not marked-footnote: it looks up each reference among all the
 * notes (2.8 MB of 64,000 notes: 195 s, 2.8 s here), and writes other ids (`footnote-<label>`)
 * and a visible "Footnotes" heading. Not marked-alert: the same HTML for plain alerts, but no
 * title after the marker (`> [!TIP] Shortcut`) and no lower-case `[!note]`.
 */
import { Lexer, type MarkedExtension, type RendererThis, type Token, type Tokens, type TokensList, type TokenizerThis } from 'marked';
import { escapeHtml } from './html-text';

/**
 * marked asks each block extension where it could start next (`start`), for every paragraph,
 * with the rest of the text: scanning that rest each time made a 4 MB article take minutes.
 * This lexer keeps the text each `blockTokens` call works on, so `start` finds the answer in
 * the positions of its pattern, collected once per text.
 */
export class DocumentLexer extends Lexer {
  private readonly documents: { text: string; starts: Map<LineStartPattern, number[]> }[] = [];

  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[] {
    this.documents.push({ text: src, starts: new Map() });
    try {
      return super.blockTokens(src, tokens, lastParagraphClipped);
    } finally {
      this.documents.pop();
    }
  }

  /** Where `pattern` next matches in `rest`, a suffix of the text being lexed; undefined when it does not. */
  nextStart(pattern: LineStartPattern, rest: string): number | undefined {
    const document = this.documents.at(-1);
    if (!document || document.text.length < rest.length) return pattern.firstIn(rest);
    // `^` matches at the start of `rest`, whatever came before it in the text.
    if (pattern.matchesAtStart(rest)) return 0;
    let starts = document.starts.get(pattern);
    if (!starts) document.starts.set(pattern, (starts = pattern.allIn(document.text)));
    const offset = document.text.length - rest.length;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    return low < starts.length ? starts[low] - offset : undefined;
  }
}

/** A pattern that can only match at the start of a line (written without the leading `^`). */
class LineStartPattern {
  private readonly atStart: RegExp;
  private readonly everywhere: RegExp;

  constructor(source: string) {
    this.atStart = new RegExp(source, 'y');
    this.everywhere = new RegExp(`^${source}`, 'gm');
  }

  matchesAtStart(text: string): boolean {
    this.atStart.lastIndex = 0;
    return this.atStart.test(text);
  }

  firstIn(text: string): number | undefined {
    this.everywhere.lastIndex = 0;
    return this.everywhere.exec(text)?.index;
  }

  allIn(text: string): number[] {
    return [...text.matchAll(this.everywhere)].map((match) => match.index);
  }
}

/** `start` of a block extension: through the positions the lexer keeps, when it keeps them. */
function blockStart(source: string) {
  const pattern = new LineStartPattern(source);
  return function (this: TokenizerThis, src: string): number | undefined {
    return this.lexer instanceof DocumentLexer ? this.lexer.nextStart(pattern, src) : pattern.firstIn(src);
  };
}

/** The kinds of callout the bundle's HTML uses, as `class="alert alert-<kind>"`. */
export const ALERT_KINDS = [
  'note',
  'abstract',
  'info',
  'tip',
  'important',
  'success',
  'question',
  'warning',
  'caution',
  'failure',
  'danger',
  'bug',
  'example',
  'quote',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const ALIASES: Record<string, AlertKind> = {
  summary: 'abstract',
  tldr: 'abstract',
  todo: 'info',
  hint: 'tip',
  check: 'success',
  done: 'success',
  help: 'question',
  faq: 'question',
  attention: 'warning',
  fail: 'failure',
  missing: 'failure',
  error: 'danger',
  cite: 'quote',
};

function alertKind(type: string): AlertKind {
  const lower = type.toLowerCase();
  if ((ALERT_KINDS as readonly string[]).includes(lower)) return lower as AlertKind;
  return Object.hasOwn(ALIASES, lower) ? ALIASES[lower] : 'note';
}

export interface AlertToken extends Tokens.Generic {
  type: 'alert';
  kind: AlertKind;
  /** Title as written; `undefined` means the default title of the kind, `''` means none. */
  title: string | undefined;
  /** The title's inline Markdown (MkDocs titles may hold code and links). */
  titleTokens?: Tokens.Generic[];
  /** Written type, for the default title (`!!! hint` shows "Hint"). */
  label: string;
  /** `true`/`false` for collapsible (`???+` open, `???` closed); undefined for plain. */
  open?: boolean;
  tokens: Tokens.Generic[];
}

export interface TabsToken extends Tokens.Generic {
  type: 'tabs';
  tokens: TabToken[];
}
export interface TabToken extends Tokens.Generic {
  type: 'tab';
  label: string;
  tokens: Tokens.Generic[];
}

export interface FootnoteDefToken extends Tokens.Generic {
  type: 'footnoteDef';
  label: string;
  tokens: Tokens.Generic[];
}

export interface FootnoteRefToken extends Tokens.Generic {
  type: 'footnoteRef';
  label: string;
  /** Set when the article is converted: the number shown, and the id of the note. */
  number?: number;
  /** 1 for the first reference to a note, 2 for the second, ... (unique back-reference ids). */
  occurrence?: number;
}

/** The list of notes at the end of an article, added when the article is converted. */
export interface FootnotesToken extends Tokens.Generic {
  type: 'footnotes';
  notes: { label: string; number: number; references: number; tokens: Tokens.Generic[] }[];
}

// A body indented by four spaces (or a tab), with blank lines inside; stops at the first
// line that is not blank and not indented. Trailing blank lines are left to the parent.
// (Blank lines are taken together with the indented line after them: a lookahead per blank line
// would read every blank line after it again.)
const INDENTED_BODY = /^((?:[ \t]*\n)*(?:(?:[ \t]*\n)*(?: {4}|\t).*(?:\n|$))*)/;

/** The indented block at the start of `text` (the body of an admonition, tab or footnote), less its trailing blank line. */
function indentedBody(text: string): string {
  return INDENTED_BODY.exec(text)![1].replace(/\n[ \t]*\n$/, '\n');
}

function dedent(body: string): string {
  return body.replace(/^(?: {4}|\t)/gm, '');
}

function lexBody(lexer: TokenizerThis['lexer'], text: string): Tokens.Generic[] {
  return lexer.blockTokens(text, []) as Tokens.Generic[];
}

function withTitleTokens(lexer: TokenizerThis['lexer'], token: AlertToken): AlertToken {
  if (token.title) token.titleTokens = lexer.inlineTokens(token.title, []) as Tokens.Generic[];
  return token;
}

const GITHUB_ALERT = /^ {0,3}> ?\[!(note|tip|important|warning|caution)\][ \t]*([^\n]*)(?:\n|$)((?: {0,3}>[^\n]*(?:\n|$))*)/i;

const githubAlert = {
  name: 'alert',
  level: 'block' as const,
  start: blockStart(' {0,3}> ?\\[!'),
  tokenizer(this: TokenizerThis, src: string): AlertToken | undefined {
    const match = GITHUB_ALERT.exec(src);
    if (!match) return undefined;
    const inner = match[3].replace(/^ {0,3}> ?/gm, '');
    return withTitleTokens(this.lexer, {
      type: 'alert',
      raw: match[0],
      kind: alertKind(match[1]),
      label: match[1],
      title: match[2].trim() || undefined,
      tokens: lexBody(this.lexer, inner),
    });
  },
};

const ADMONITION = /^(!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+[\w-]+)*(?:[ \t]+"([^"\n]*)")?[ \t]*(?:\n|$)/;

const admonition = {
  name: 'admonition',
  level: 'block' as const,
  start: blockStart('(?:!!!|\\?\\?\\?)[ \\t]'),
  tokenizer(this: TokenizerThis, src: string): AlertToken | undefined {
    const head = ADMONITION.exec(src);
    if (!head) return undefined;
    const body = indentedBody(src.slice(head[0].length));
    return withTitleTokens(this.lexer, {
      type: 'alert',
      raw: head[0] + body,
      kind: alertKind(head[2]),
      label: head[2],
      title: head[3],
      open: head[1] === '!!!' ? undefined : head[1] === '???+',
      tokens: lexBody(this.lexer, dedent(body)),
    });
  },
};

const TAB_HEAD = /^===!?[ \t]+"([^"\n]*)"[ \t]*(?:\n|$)/;

const contentTabs = {
  name: 'tabs',
  level: 'block' as const,
  start: blockStart('===!?[ \\t]+"'),
  tokenizer(this: TokenizerThis, src: string): TabsToken | undefined {
    const tabs: TabToken[] = [];
    let rest = src;
    let raw = '';
    for (;;) {
      const blank = /^(?:[ \t]*\n)*/.exec(rest)![0];
      const head = TAB_HEAD.exec(rest.slice(tabs.length ? blank.length : 0));
      if (!head) break;
      const lead = tabs.length ? blank : '';
      const body = indentedBody(rest.slice(lead.length + head[0].length));
      const tabRaw = lead + head[0] + body;
      tabs.push({ type: 'tab', raw: tabRaw, label: head[1], tokens: lexBody(this.lexer, dedent(body)) });
      raw += tabRaw;
      rest = rest.slice(tabRaw.length);
    }
    return tabs.length ? { type: 'tabs', raw, tokens: tabs } : undefined;
  },
};

const FOOTNOTE_DEF = /^\[\^([^\]\s]+)\]:[ \t]*([^\n]*)(?:\n|$)/;

const footnoteDef = {
  name: 'footnoteDef',
  level: 'block' as const,
  start: blockStart('\\[\\^[^\\]\\s]+\\]:'),
  tokenizer(this: TokenizerThis, src: string): FootnoteDefToken | undefined {
    const head = FOOTNOTE_DEF.exec(src);
    if (!head) return undefined;
    const body = indentedBody(src.slice(head[0].length));
    return { type: 'footnoteDef', raw: head[0] + body, label: head[1], tokens: lexBody(this.lexer, `${head[2]}\n${dedent(body)}`) };
  },
};

// No `start`: marked's inline text stops before every `[` anyway, and a `start` that scans the
// rest of the paragraph for each piece of text is quadratic in the paragraph's length.
const footnoteRef = {
  name: 'footnoteRef',
  level: 'inline' as const,
  tokenizer(src: string): FootnoteRefToken | undefined {
    const match = /^\[\^([^\]\s]+)\]/.exec(src);
    return match ? { type: 'footnoteRef', raw: match[0], label: match[1] } : undefined;
  },
};

/** Default titles of the callouts, in the knowledge base's language where we have it. */
const ALERT_TITLES: Record<string, Partial<Record<AlertKind, string>>> = {
  de: {
    note: 'Hinweis',
    tip: 'Tipp',
    important: 'Wichtig',
    warning: 'Warnung',
    caution: 'Vorsicht',
    info: 'Info',
    danger: 'Gefahr',
    example: 'Beispiel',
    quote: 'Zitat',
  },
  nl: {
    note: 'Opmerking',
    tip: 'Tip',
    important: 'Belangrijk',
    warning: 'Waarschuwing',
    caution: 'Let op',
    info: 'Info',
    danger: 'Gevaar',
    example: 'Voorbeeld',
    quote: 'Citaat',
  },
};

function defaultTitle(token: AlertToken, locale: string): string {
  const language = locale.slice(0, 2).toLowerCase();
  const translated = Object.hasOwn(ALERT_TITLES, language) ? ALERT_TITLES[language][token.kind] : undefined;
  if (translated && token.label.toLowerCase() === token.kind) return translated;
  const label = token.label.toLowerCase();
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The extensions, with renderers that write the classes docs/bundle-format.md documents. */
export function markdownExtensions(locale: string): MarkedExtension {
  return {
    extensions: [
      { ...githubAlert, renderer: renderAlert },
      { ...admonition, renderer: renderAlert },
      { ...contentTabs, renderer: renderTabs },
      { ...footnoteDef, renderer: () => '' },
      { ...footnoteRef, renderer: renderFootnoteRef },
      { name: 'footnotes', level: 'block', renderer: renderFootnotes },
    ],
  };

  function renderAlert(this: RendererThis, token: Tokens.Generic): string {
    const alert = token as AlertToken;
    const fallback = escapeHtml(defaultTitle(alert, locale));
    const title = alert.titleTokens ? this.parser.parseInline(alert.titleTokens) : alert.title === '' ? '' : fallback;
    const body = this.parser.parse(alert.tokens);
    const classes = `alert alert-${alert.kind}`;
    if (alert.open !== undefined) {
      return `<details class="${classes}"${alert.open ? ' open' : ''}><summary class="alert-title">${title || fallback}</summary>\n${body}</details>\n`;
    }
    return `<div class="${classes}">${title ? `<p class="alert-title">${title}</p>` : ''}\n${body}</div>\n`;
  }
}

function renderTabs(this: RendererThis, token: Tokens.Generic): string {
  const tabs = (token as TabsToken).tokens
    .map(
      (tab) =>
        `<div class="tab"${tab.id ? ` id="${escapeHtml(tab.id as string)}"` : ''}><p class="tab-label">${escapeHtml(tab.label)}</p>\n${this.parser.parse(tab.tokens)}</div>\n`,
    )
    .join('');
  return `<div class="tabs">\n${tabs}</div>\n`;
}

function renderFootnoteRef(token: Tokens.Generic): string {
  const ref = token as FootnoteRefToken;
  if (ref.number === undefined) return escapeHtml(ref.raw);
  const back = ref.occurrence && ref.occurrence > 1 ? `-${ref.occurrence}` : '';
  return `<sup class="footnote-ref"><a href="#fn-${ref.number}" id="fnref-${ref.number}${back}">${ref.number}</a></sup>`;
}

function renderFootnotes(this: RendererThis, token: Tokens.Generic): string {
  const items = (token as FootnotesToken).notes.map((note) => {
    const backs = Array.from({ length: note.references }, (_, i) => {
      const suffix = i === 0 ? '' : `-${i + 1}`;
      return ` <a href="#fnref-${note.number}${suffix}" class="footnote-backref" aria-label="Back to reference ${note.number}${suffix ? ` (${i + 1})` : ''}">↩</a>`;
    }).join('');
    return `<li id="fn-${note.number}">\n${this.parser.parse(note.tokens).replace(/(<\/p>\n?)?$/, (end) => `${backs}${end}`)}</li>\n`;
  });
  return `<section class="footnotes">\n<ol>\n${items.join('')}</ol>\n</section>\n`;
}
