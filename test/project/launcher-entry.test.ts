import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// Runs after the build (scripts/test.mjs builds first): `kb-elements/launcher` must stay
// lazy in the built files, where an app's bundler sees it.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** The specifiers a built ES module imports statically (`import ... from`, `export ... from`, bare `import '...'`). */
function staticImports(source: string): string[] {
  const found = source.matchAll(/^\s*(?:import|export)\s*(?:[\w*{}\s,$]*?\sfrom\s*)?["']([^"']+)["'];?\s*$/gm);
  return [...found].map((m) => m[1]!);
}

/** Every file in dist/ that `file` loads statically, itself included (relative imports only). */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const specifier of staticImports(readFileSync(`dist/${file}`, 'utf8'))) {
    if (specifier.startsWith('./')) staticGraph(specifier.slice(2), seen);
  }
  return seen;
}

test('dist/launcher.js loads the elements chunk only with a dynamic import', () => {
  const source = readFileSync('dist/launcher.js', 'utf8');
  assert.match(source, /\bimport\(\s*["']\.\/index\.js["']\s*\)/, 'import("./index.js") on demand');
  const graph = staticGraph('launcher.js');
  assert.ok(!graph.has('index.js'), `static imports: ${[...graph].join(', ')}`);
  for (const file of graph) {
    const bare = staticImports(readFileSync(`dist/${file}`, 'utf8')).filter((s) => !s.startsWith('.'));
    assert.deepEqual(bare, [], `${file} imports no package (lit, dompurify) at load`);
  }
});

test('the staticImports check sees the imports of dist/index.js', () => {
  const imports = staticImports(readFileSync('dist/index.js', 'utf8'));
  assert.ok(imports.includes('lit'), imports.join(', '));
});

test('kb-elements/launcher is exported, with types, and kept by tree-shaking bundlers', () => {
  assert.deepEqual(pkg.exports['./launcher'], { types: './dist/types/launcher.d.ts', default: './dist/launcher.js' });
  assert.ok(pkg.sideEffects.includes('./dist/launcher.js'));
});
