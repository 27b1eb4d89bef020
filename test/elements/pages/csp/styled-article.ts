// The hand-made hostile article HTML of elements.html: style attributes, a <style> element and
// inline handlers. The handlers set `window.kbCanary` if they ever run; the styles would paint
// the paragraph red or blue and stretch the table to 2000px if they ever applied.
export const STYLED_ARTICLE_HTML =
  '<p style="color: red">Red text.</p><h2 id="one">One</h2><pre><code>code</code></pre><h2 id="two">Two</h2>' +
  '<table style="width: 2000px"><tr><td onclick="window.kbCanary=\'td onclick\'">cell</td></tr></table><h2 id="three">Three</h2>' +
  '<style>p { color: blue }</style><img src="missing.png" onerror="window.kbCanary=\'img onerror\'" alt="">';
