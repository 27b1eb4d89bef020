import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

// The allowed arrows between rooms (DESIGN.md): elements -> core, build -> core; core imports
// neither, and is neither DOM- nor Node-bound.

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  found.push(...[...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]));
  found.push(...[...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)].map((m) => m[1]));
  return found;
}

function violations(room: string, forbidden: (specifier: string, file: string) => boolean) {
  return sources(join('src', room)).flatMap((file) =>
    imports(file)
      .filter((spec) => forbidden(spec, file))
      .map((spec) => `${relative('.', file)} imports ${spec}`),
  );
}

const reaches = (spec: string, file: string, room: string) =>
  spec.startsWith('.') && join(file, '..', spec).split('/').includes(room) && join(file, '..', spec).startsWith(join('src', room));

test('core imports neither elements nor build, nor Node or DOM-only packages', () => {
  const bad = violations(
    'core',
    (spec, file) =>
      reaches(spec, file, 'elements') ||
      reaches(spec, file, 'build') ||
      spec.startsWith('node:') ||
      ['lit', 'dompurify', 'marked', 'fs', 'path'].some((p) => spec === p || spec.startsWith(`${p}/`)),
  );
  assert.deepEqual(bad, []);
});

test('elements never import build', () => {
  assert.deepEqual(
    violations('elements', (spec, file) => reaches(spec, file, 'build') || spec === 'marked'),
    [],
  );
});

test('build never imports elements', () => {
  assert.deepEqual(
    violations('build', (spec, file) => reaches(spec, file, 'elements') || spec === 'lit' || spec.startsWith('lit/')),
    [],
  );
});
