import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// One path from an HTML string to the DOM: src/elements/shared/sanitize.ts. No other source
// parses HTML strings into the page or imports DOMPurify.

const SANITIZER = join('src', 'elements', 'shared', 'sanitize.ts');
const HTML_SINKS = /\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|createContextualFragment|\bunsafeHTML\b|document\.write|new DOMParser|from\s+['"]dompurify['"]|\bsetHTMLUnsafe\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** The code of a file without its comments (the sanitizer's own docs name the sinks). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
    .replace(/^\s*\/\/.*$/gm, '');
}

test('no source but the sanitizer turns an HTML string into DOM', () => {
  const offenders = sources('src')
    .filter((file) => file !== SANITIZER)
    .flatMap((file) => code(file).split('\n').map((line, i) => ({ file, line, i })))
    .filter(({ line }) => HTML_SINKS.test(line))
    .map(({ file, line, i }) => `${file}:${i + 1}: ${line.trim()}`);
  assert.deepEqual(offenders, []);
});

test('the sanitizer itself uses DOMPurify and returns fragments, not strings', () => {
  const text = code(SANITIZER);
  assert.match(text, /from 'dompurify'/);
  assert.match(text, /RETURN_DOM_FRAGMENT: true/);
  assert.doesNotMatch(text, /\.innerHTML\s*=/);
});
