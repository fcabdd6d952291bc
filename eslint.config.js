// ESLint flat config (ESLint 10). Formatting is Prettier's job (npm run format:check).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const code = '{js,mjs,cjs,ts,mts,cts}';

/** Code that runs in Node: tooling, config files, the server and its tests. */
const nodeFiles = [
  `scripts/**/*.${code}`,
  `bin/**/*.${code}`,
  `bench/**/*.${code}`,
  `src/server/**/*.${code}`,
  `test/server/**/*.${code}`,
  `**/*.config.${code}`,
  `.storybook/main.${code}`,
];

/** Code that runs in a browser: the elements, their browser tests, stories and the demo. */
const browserFiles = [
  `src/**/*.${code}`,
  `test/**/*.${code}`,
  `stories/**/*.${code}`,
  `demo/**/*.${code}`,
  `.storybook/**/*.${code}`,
];

export default defineConfig(
  globalIgnores([
    'dist/',
    'storybook-static/',
    'docs-site/',
    'coverage/',
    'node_modules/',
    'tend-data/',
    'custom-elements.json',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'tend/browser',
    files: browserFiles,
    ignores: nodeFiles,
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice'], litA11y.configs.recommended],
    languageOptions: { globals: globals.browser },
    settings: {
      // Lets eslint-plugin-wc see Lit elements as custom elements.
      wc: { elementBaseClasses: ['LitElement'] },
    },
    rules: {
      // LitElement implements every lifecycle callback, so `super.connectedCallback()` needs no guard.
      'wc/guard-super-call': 'off',
    },
  },

  {
    name: 'tend/node',
    files: nodeFiles,
    languageOptions: { globals: globals.node },
  },

  {
    name: 'tend/shared',
    rules: {
      // A leading underscore marks a parameter or binding that is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
);
