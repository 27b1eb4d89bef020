// The element reference in docs/api.md: for each element of custom-elements.json, its attributes,
// properties, methods, events, slots, parts and CSS custom properties, written between the markers
//   <!-- reference kb-search: ... -->  and  <!-- /reference kb-search -->
// Everything outside the markers is hand-written and kept as it is. `npm run analyze` writes it
// (scripts/manifest.mjs); test/project/api-reference.test.ts fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const apiDocPath = join(root, 'docs/api.md');

const START = /^<!-- reference ([a-z][a-z0-9-]*):.*-->$/;
const END = (tag) => `<!-- /reference ${tag} -->`;

/** The custom elements a manifest declares, by tag name, in manifest order. */
function elementsOf(manifest) {
  const elements = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, declaration);
    }
  }
  return elements;
}

/** Text for one table cell: one line, pipes escaped. */
const cell = (text) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (text ? `\`${cell(text).replace(/`/g, "'")}\`` : '');

function table(headings, rows) {
  if (!rows.length) return [];
  return [`| ${headings.join(' | ')} |`, `|${headings.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''];
}

const isPublic = (member) => !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public';

/** The generated reference of one element (Markdown lines). */
export function elementReference(element) {
  const members = (element.members ?? []).filter(isPublic);
  const fields = members.filter((m) => m.kind === 'field');
  const attributeRows = (element.attributes ?? []).map((attribute) => {
    const field = fields.find((f) => f.name === attribute.fieldName);
    return [
      code(attribute.name),
      attribute.fieldName ? code(`.${attribute.fieldName}`) : '',
      code(attribute.type?.text ?? field?.type?.text),
      code(attribute.default ?? field?.default),
      cell(attribute.description ?? field?.description),
    ];
  });
  const propertyRows = fields
    .filter((field) => !field.attribute && !(element.attributes ?? []).some((a) => a.fieldName === field.name))
    .map((field) => [
      '',
      code(`${field.static ? `${element.name}.` : '.'}${field.name}`),
      code(field.type?.text),
      code(field.default),
      cell(`${field.readonly ? '(read-only) ' : ''}${field.description ?? ''}`),
    ]);
  const methodRows = members
    .filter((m) => m.kind === 'method')
    .map((method) => {
      const params = (method.parameters ?? []).map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}`).join(', ');
      return [code(`${method.static ? `${element.name}.` : ''}${method.name}(${params})`), cell(method.description)];
    });
  const named = (items) => (items ?? []).map((item) => [code(item.name), cell(item.description)]);
  return [
    `Generated from the JSDoc of \`${element.name}\` (\`npm run analyze\`).`,
    '',
    ...table(['attribute', 'property', 'type', 'default', ''], [...attributeRows, ...propertyRows]),
    ...table(['method', ''], methodRows),
    ...table(['event', ''], named(element.events)),
    ...table(
      ['slot', ''],
      named(element.slots).map(([name, text]) => [name || '(default)', text]),
    ),
    ...table(['part', ''], named(element.cssParts)),
    ...table(['CSS custom property', ''], named(element.cssProperties)),
  ];
}

/**
 * `doc` with each marked reference written from `manifest`. Throws when an element has no markers,
 * markers name no element, or a marker is not closed: each element is documented exactly once.
 */
export function writeReferences(doc, manifest) {
  const elements = elementsOf(manifest);
  const lines = doc.split('\n');
  const out = [];
  const seen = new Set();
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    const start = START.exec(lines[i]);
    if (!start) continue;
    const tag = start[1];
    const element = elements.get(tag);
    if (!element) throw new Error(`docs/api.md: a reference for <${tag}>, which custom-elements.json does not declare`);
    if (seen.has(tag)) throw new Error(`docs/api.md: a second reference for <${tag}>`);
    seen.add(tag);
    const end = lines.indexOf(END(tag), i + 1);
    if (end < 0) throw new Error(`docs/api.md: the reference for <${tag}> has no closing "${END(tag)}"`);
    out.push('', ...elementReference(element), END(tag));
    i = end;
  }
  const missing = [...elements.keys()].filter((tag) => !seen.has(tag));
  if (missing.length) {
    throw new Error(
      `docs/api.md: no reference for ${missing.map((t) => `<${t}>`).join(', ')}: add "<!-- reference TAG: generated by npm run analyze -->" and "${END('TAG')}" in its section`,
    );
  }
  return out.join('\n');
}

const committedManifest = () => JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

/** Writes docs/api.md's references from the committed custom-elements.json. */
export function writeApiDoc() {
  const doc = readFileSync(apiDocPath, 'utf8');
  const next = writeReferences(doc, committedManifest());
  if (next !== doc) writeFileSync(apiDocPath, next);
}

/** Why docs/api.md's references do not match custom-elements.json, or null. */
export function checkApiDoc(doc = readFileSync(apiDocPath, 'utf8'), manifest = committedManifest()) {
  let next;
  try {
    next = writeReferences(doc, manifest);
  } catch (error) {
    return error.message;
  }
  return next === doc ? null : 'docs/api.md: the element reference is stale: run npm run analyze and commit the result';
}
