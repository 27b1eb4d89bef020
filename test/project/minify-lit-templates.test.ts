import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/minify-lit-templates';

test('css: whitespace, comments, last semicolons and leading zeros go', () => {
  const source = `
    /* the field */
    .field {
      gap: calc(var(--_space) * 0.75);
      opacity: 0.6;
    }
    a > b,
    c { color: red; }
  `;
  assert.equal(minifyCss(source).trim(), '.field{gap:calc(var(--_space)*.75);opacity:.6}a>b,c{color:red}');
});

test('css: what changes the meaning stays', () => {
  assert.equal(minifyCss('.a :hover{x:y}').trim(), '.a :hover{x:y}', 'descendant, not a:hover');
  assert.equal(minifyCss('.a{w:calc(1px + 2px - 3px)}'), '.a{w:calc(1px + 2px - 3px)}', '+ and - need spaces');
  assert.equal(minifyCss('article > * { m: 0 }'), 'article>*{m:0}');
  assert.equal(minifyCss('.a * .b{m:0}'), '.a * .b{m:0}', 'universal selector keeps its spaces');
  assert.equal(minifyCss(".a::before { content: '↳ ,  x: y' / ''; }"), ".a::before{content:'↳ ,  x: y' / ''}");
  assert.equal(minifyCss('.a{m:10.5px -0.5px}'), '.a{m:10.5px -0.5px}');
});

test('css: a comment that quotes a word goes too', () => {
  assert.equal(minifyCss('/* title and "Learn more" stay */ .a { m: 0 }').trim(), '.a{m:0}');
});

test('html: runs of whitespace with a line break become one space; single spaces stay', () => {
  assert.equal(minifyHtml('<div>\n    <span>a</span> <b>b</b>\n  </div>'), '<div> <span>a</span> <b>b</b> </div>');
  assert.equal(minifyHtml('<p title="a  b">x  y</p>'), '<p title="a  b">x  y</p>');
  assert.equal(minifyHtml('<p>a</p>\n<!-- note -->\n<p>b</p>'), '<p>a</p> <p>b</p>');
});

test('html: a <pre> or <textarea> with line breaks is left alone', () => {
  const pre = '<pre>\n  line 1\n  line 2</pre>';
  assert.equal(minifyHtml(pre), pre);
  const textarea = '<textarea>\n  text</textarea>';
  assert.equal(minifyHtml(textarea), textarea);
});

test('only css`` and html`` literal text changes; expressions and other templates stay', () => {
  /* eslint-disable no-template-curly-in-string -- source code as text */
  const code = [
    'const a = html`<ul>\n  ${items.map((i) => html`<li>\n  ${i}</li>`)}\n</ul>`;',
    'const b = css`:host {  display: block; }`;',
    'const c = `keep    this\n  text`;',
    'const d = other`keep  \n  this`;',
  ].join('\n');
  const out = minifyTemplates(code, '/src/x.ts')!.code;
  assert.equal(
    out,
    [
      'const a = html`<ul> ${items.map((i) => html`<li> ${i}</li>`)} </ul>`;',
      'const b = css`:host{display:block}`;',
      'const c = `keep    this\n  text`;',
      'const d = other`keep  \n  this`;',
    ].join('\n'),
  );
  /* eslint-enable no-template-curly-in-string */
});

test('a file without css`` or html`` is returned as null (not rewritten)', () => {
  assert.equal(minifyTemplates('export const x = `a\n  b`;', '/src/x.ts'), null);
});
