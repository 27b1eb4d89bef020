// The lint rules of kb-elements. The root eslint.config.js re-exports this file: it lives here so
// that typescript-eslint finds this package's TypeScript 5 (TypeScript 7 has no JS API).
// The rules catch mistakes; the style is Prettier's. A rule whose every finding in this code base
// was deliberate is left out, so that what remains is worth reading.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The TypeScript files tsconfig.json covers: linted with type information. */
const typed = ['{src,test,bench,demo,scripts}/**/*.ts', 'vite.config.ts'];
/** Where Lit templates are written. */
const templates = ['{src,test,demo,bench,examples}/**/*.ts'];

export default tseslint.config(
  {
    ignores: ['**/dist/', 'test/fixtures/generated/', 'demo/generated/', 'bench/.out/', '.cache/', '.scratch/'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a binding kept on purpose (a field left out of a rest object, a required parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'no-unused-private-class-members': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'array-callback-return': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Control characters in our patterns are there on purpose: they clean untrusted input.
      'no-control-regex': 'off',
    },
  },
  {
    files: typed,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            // node:test's test() and describe() return promises its runner waits for.
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
            // @open-wc/semantic-dom-diff types every chai `equal` as async (for its DOM snapshots).
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal' },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-duplicate-type-constituents': 'error',
      '@typescript-eslint/no-redundant-type-constituents': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },
  {
    files: templates,
    ...lit.configs['flat/recommended'],
  },
  {
    files: templates,
    ...litA11y.configs.recommended,
  },
  {
    files: templates,
    rules: {
      'lit/attribute-names': 'error',
      'lit/lifecycle-super': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-value-attribute': 'error',
      'lit/value-after-constraints': 'error',
      'lit/no-native-attributes': 'error',
      // `<ul role="list">` is on purpose: Safari drops the list role of a list styled without bullets.
      'lit-a11y/no-redundant-role': 'off',
    },
  },
  {
    // Chai's property assertions (`expect(x).to.be.true`) are expressions.
    files: ['test/elements/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Pages of the embed tests: the global the script tag installs.
    files: ['test/elements/pages/**/*.js'],
    languageOptions: { globals: { kbElements: 'readonly' } },
  },
);
