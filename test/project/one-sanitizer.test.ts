import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// One policy, one path from an HTML string to the DOM. The policy (allowed and forbidden tags
// and attributes, URL schemes, the kb- namespace) is src/core/sanitize-policy.ts. The elements'
// sanitizer (src/elements/shared/sanitize.ts) is the only way HTML reaches the page; the
// build's sanitizer (src/build/html-sanitizer.ts) cleans what the build publishes. Both run
// DOMPurify with the policy's configuration and attribute rules, and no other source defines
// any of it, so build and runtime cannot drift. Where media may load from is the policy's too:
// the elements give it the bundle's folder, the build the place of a bundle it cannot know.

const POLICY = join('src', 'core', 'sanitize-policy.ts');
const SANITIZERS = [join('src', 'elements', 'shared', 'sanitize.ts'), join('src', 'build', 'html-sanitizer.ts')];
const HTML_SINKS =
  /\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|createContextualFragment|\bunsafeHTML\b|document\.write|new DOMParser|from\s+['"]dompurify['"]|\bsetHTMLUnsafe\b/;
/** What only the policy may define: DOMPurify's configuration keys and our own rule lists. */
const POLICY_DEFINITIONS =
  /\b(?:FORBID_TAGS|FORBID_ATTR|ALLOWED_TAGS|ALLOWED_ATTR|ADD_TAGS|ADD_ATTR|ALLOWED_URI_REGEXP|USE_PROFILES|ALLOW_DATA_ATTR|ALLOW_ARIA_ATTR|FORBID_CONTENTS|ALLOWED_SCHEMES|URL_ATTRIBUTES|IDREF_ATTRIBUTES|RESERVED_PREFIX|SELF_LOADING_ATTRIBUTES)\b/;

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

function offending(files: string[], pattern: RegExp): string[] {
  return files
    .flatMap((file) =>
      code(file)
        .split('\n')
        .map((line, i) => ({ file, line, i })),
    )
    .filter(({ line }) => pattern.test(line))
    .map(({ file, line, i }) => `${file}:${i + 1}: ${line.trim()}`);
}

test('no source but the two sanitizers turns an HTML string into DOM or imports DOMPurify', () => {
  assert.deepEqual(
    offending(
      sources('src').filter((file) => !SANITIZERS.includes(file)),
      HTML_SINKS,
    ),
    [],
  );
});

test('only the policy module defines what is allowed', () => {
  assert.deepEqual(
    offending(
      sources('src').filter((file) => file !== POLICY),
      POLICY_DEFINITIONS,
    ),
    [],
  );
});

test("both sanitizers run DOMPurify with the policy's configuration and attribute rules", () => {
  for (const file of SANITIZERS) {
    const text = code(file);
    assert.match(text, /from 'dompurify'/, file);
    assert.match(text, /import \{[^}]*\barticlePurifyConfig\b[^}]*\} from '\.\.\/(?:\.\.\/)?core\/sanitize-policy'/, file);
    assert.match(
      text,
      /\bapplyAttributePolicy\([^)]*,[^)]*,[^)]*\)/,
      `${file} applies the attribute rules, with where media may load from`,
    );
    assert.match(text, /\bkeepsElement\(/, `${file} applies the element rule`);
    assert.match(text, /addHook\('uponSanitizeAttribute'/, file);
    assert.doesNotMatch(text, /\.innerHTML\s*=/, file);
  }
});

test("the elements' sanitizer returns fragments, not strings, and parses no inline style", () => {
  const text = code(SANITIZERS[0]);
  assert.match(text, /RETURN_DOM_FRAGMENT: true/);
  assert.match(text, /\.sanitize\(hideStyleNames\(/);
});
