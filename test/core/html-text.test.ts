import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToText, sectionTexts } from '../../src/core/html-text';

test('inline markup leaves no space before punctuation; blocks separate words', () => {
  assert.equal(
    htmlToText('<p>Click <strong>Test connection</strong>.</p><p>Then <a href="#x">save</a>, <code>setup.sh</code>!</p>'),
    'Click Test connection. Then save, setup.sh!',
  );
  assert.equal(htmlToText('<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>'), 'one two a b');
  assert.equal(htmlToText('line<br>break<script>alert(1)</script>&amp; more'), 'line break & more');
});

test('section texts are cut at headings with ids', () => {
  const texts = sectionTexts('<p>Intro <em>text</em>.</p><h2 id="a">A</h2><p>Body of <b>A</b>.</p>');
  assert.equal(texts.get(''), 'Intro text.');
  assert.equal(texts.get('a'), 'Body of A.');
});
