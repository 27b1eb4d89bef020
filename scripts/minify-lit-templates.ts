/**
 * A Vite plugin that shrinks the static text of Lit's `css` and `html` tagged templates in
 * our own sources (the JS minifier leaves template text alone):
 * - css``: comments dropped, whitespace collapsed and removed around `{ } ; , >` and after
 *   `:`, the last `;` of a block dropped. Spaces inside `calc()` (`+ -`) and before `:`
 *   (`a :hover` is not `a:hover`) are kept.
 * - html``: comments dropped (not Lit's own markers: we never write those), and every run
 *   of whitespace that holds a line break becomes one space, which is what the browser
 *   renders it as anyway (outside `<pre>`/`<textarea>`, which we check are not written with
 *   line breaks inside). Single spaces, attribute values and text are never touched.
 * Only the literal parts change; `${...}` expressions are left as they are.
 */
import MagicString from 'magic-string';
import { parseSync, Visitor, type Plugin } from 'vite';

type Kind = 'css' | 'html';

export function minifyCss(text: string): string {
  // Comments go first (one may quote a word); then quoted strings (`content: '↳ '`) keep
  // their text and only the parts between them change.
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) => (i % 2 ? part : minifyCssCode(part)))
    .join('');
}

function minifyCssCode(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/([\d)]) \* (?=\d|\.\d|\()/g, '$1*')
    .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2');
}

export function minifyHtml(text: string): string {
  if (/<(pre|textarea)\b[^>]*>[^<]*\n/.test(text)) return text;
  return text.replace(/<!--(?!\?lit\$)[\s\S]*?-->/g, '').replace(/\s*\n\s*/g, ' ');
}

/** The source with the text of every css``/html`` template minified, or null if none. */
export function minifyTemplates(code: string, id: string): { code: string; map: ReturnType<MagicString['generateMap']> } | null {
  if (!/\b(css|html)`/.test(code)) return null;
  const { program, errors } = parseSync(id, code);
  if (errors.length) return null;
  const out = new MagicString(code);
  let changed = false;
  new Visitor({
    TaggedTemplateExpression(node) {
      if (node.tag.type !== 'Identifier' || (node.tag.name !== 'css' && node.tag.name !== 'html')) return;
      const kind = node.tag.name as Kind;
      for (const quasi of node.quasi.quasis) {
        const raw = quasi.value.raw;
        const start = quasi.start + 1; // the range holds the delimiters: ` or } before, ` or ${ after
        if (code.slice(start, start + raw.length) !== raw) throw new Error(`${id}: template text not where expected`);
        let small = kind === 'css' ? minifyCss(raw) : minifyHtml(raw);
        if (kind === 'css' && quasi === node.quasi.quasis[0]) small = small.trimStart();
        if (kind === 'css' && quasi.tail) small = small.trimEnd();
        if (small !== raw) {
          out.overwrite(start, start + raw.length, small);
          changed = true;
        }
      }
    },
  }).visit(program);
  if (!changed) return null;
  return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
}

export function minifyLitTemplates(): Plugin {
  return {
    name: 'kb:minify-lit-templates',
    transform: {
      filter: { id: /\/src\/.*\.ts$/ },
      handler(code, id) {
        return minifyTemplates(code, id);
      },
    },
  };
}
