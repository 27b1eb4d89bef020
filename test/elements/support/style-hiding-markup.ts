/** Markup that hides inline styles from a tag scanner: behind comments, raw-text elements, foreign content. */
export const STYLE_HIDING_MARKUP = [
  '<p style="color:red" class=a>x</p>',
  '<!-- x --!><p style="color:red">after a comment closed by --!&gt;</p>',
  '<!--><p style="color:red">after an empty comment</p>',
  '<textarea><p title="</textarea><p style=color:red>">after raw text</p>',
  '<svg><style><p style="color:red">breaks out of SVG</p>',
  '<title><p title="</title><p STYLE=color:red>">after title</p>',
  '<a title="a>b" style="c" href="/x">t</a><p>a</p><style>p { color: red }</style><p>b</p>',
  '<STYLE type="text/css">x</StyLe ><b>b</b><p style="unterminated',
];
