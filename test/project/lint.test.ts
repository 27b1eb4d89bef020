import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error: plain ESM script without types
import { lintText, typescriptProblem } from '../../scripts/lint.mjs';

interface Message {
  ruleId: string | null;
  line: number;
  message: string;
}

/* eslint-disable no-template-curly-in-string -- the code to lint, as text */
// Linted as if it were an element's module (the file need not exist): one mistake per line, so
// that each finding can be told apart; the clean version fixes each one the way the rule asks.
const path = 'src/elements/lint-probe.ts';
const mistakes = [
  ['unused variable', '@typescript-eslint/no-unused-vars', 'export const total = (a: number) => { const unused = a * 2; return a; };'],
  ['image without alt text', 'lit-a11y/alt-text', 'export const picture = (src: string) => html`<img src=${src}>`;'],
  [
    'click handler on a non-interactive element',
    'lit-a11y/click-events-have-key-events',
    'export const tile = (go: () => void) => html`<div @click=${go}>Open</div>`;',
  ],
  ['floating promise', '@typescript-eslint/no-floating-promises', 'export const ping = (url: string) => { fetch(url); };'],
  [
    'an attribute bound twice',
    'lit/no-duplicate-template-bindings',
    'export const label = (a: string, b: string) => html`<p title=${a} title=${b}></p>`;',
  ],
] as const;
const fixes = [
  'export const total = (a: number) => { const doubled = a * 2; return doubled; };',
  'export const picture = (src: string) => html`<img src=${src} alt="">`;',
  'export const tile = (go: () => void) => html`<button type="button" @click=${go}>Open</button>`;',
  'export const ping = (url: string) => { void fetch(url); };',
  'export const label = (a: string) => html`<p title=${a}></p>`;',
];
/* eslint-enable no-template-curly-in-string */
const module = (lines: readonly string[]) => ["import { html } from 'lit';", ...lines, ''].join('\n');

test('the linter gets TypeScript 5 (TypeScript 7 has no JS API)', () => {
  assert.equal(typescriptProblem(), null);
});

test('the linter fails on each mistake, at its line', async () => {
  const messages: Message[] = await lintText(module(mistakes.map(([, , code]) => code)), path);
  mistakes.forEach(([what, rule], i) => {
    const line = i + 2;
    assert.ok(
      messages.some((m) => m.ruleId === rule && m.line === line),
      `${what} (line ${line}) is reported by ${rule}; reported: ${JSON.stringify(messages.map((m) => [m.ruleId, m.line]))}`,
    );
  });
  assert.ok(
    messages.every((m) => m.ruleId !== null),
    `no parse or config error: ${messages.map((m) => m.message).join('; ')}`,
  );
});

test('the linter passes the same code with the mistakes fixed', async () => {
  const messages: Message[] = await lintText(module(fixes), path);
  assert.deepEqual(
    messages.map((m) => `${m.line}: ${m.ruleId} ${m.message}`),
    [],
  );
});
