import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Module boundaries are rules, not conventions (STYLE.md). A server module is reached only through its
// index.ts; another module's *.schema.ts may be imported for foreign keys and read-only joins
// (docs/ARCHITECTURE.md says why). Route files never touch the database. Web features never import each other.
const OTHER_MODULE_INTERNALS = '^\\.\\./(?!\\.\\.|test/)[^/]+/(?!index\\.ts$)(?![a-z-]+\\.schema\\.ts$).+';
const moduleBoundary = { regex: OTHER_MODULE_INTERNALS, message: "Reach another module through its index.ts (or its *.schema.ts for joins)." };

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'apps/server/drizzle/**', 'backups/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/server/src/modules/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleBoundary] }] },
  },
  {
    files: ['apps/server/src/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [moduleBoundary, { regex: '(\\.schema\\.ts$|platform/db/|drizzle-orm)', message: 'Route files never touch the database: call a use case.' }],
      }],
    },
  },
  {
    // NUL and lone surrogates fail in PostgreSQL: the API's strings all go through the contract's Text.
    files: ['packages/contract/src/**/*.ts', 'apps/server/src/modules/**/*.ts'],
    ignores: ['packages/contract/src/common.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
        message: 'Use Text from @chargecars/contract: it refuses NUL and lone surrogates.',
      }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^\\.\\./\\.\\./(?!\\.\\.)[a-z-]+/(api|components|hooks)/', message: 'Features never import each other; compose them in app/routes.' }],
      }],
    },
  },
);
