import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Module boundaries are rules, not conventions (STYLE.md). A server module is reached only through its
// index.ts; its *.schema.ts only from schema files (foreign keys) and read-models/, which
// .dependency-cruiser.cjs checks together with the module order. Route files never touch the database.
// Web features never import each other.
const OTHER_MODULE_INTERNALS = '^\\.\\./(?!\\.\\.|test/)[^/]+/(?!index\\.ts$)(?![a-z-]+\\.schema\\.ts$).+';
const moduleBoundary = {
  regex: OTHER_MODULE_INTERNALS,
  message: 'Reach another module through its index.ts (its tables through read-models/).',
};

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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            moduleBoundary,
            {
              regex: '(\\.schema\\.ts$|platform/db/|drizzle-orm)',
              message: 'Route files never touch the database: call a use case.',
            },
          ],
        },
      ],
    },
  },
  {
    // Read models may join every module's tables, so they must never change one: writes go through the owner.
    files: ['apps/server/src/read-models/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(insert|update|delete)$/]',
          message: "A read model only reads: change another module's tables through that module's index.ts.",
        },
      ],
    },
  },
  {
    // NUL and lone surrogates fail in PostgreSQL: the API's strings all go through the contract's Text.
    files: ['packages/contract/src/**/*.ts', 'apps/server/src/modules/**/*.ts'],
    ignores: ['packages/contract/src/common.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
          message: 'Use Text from @chargecars/contract: it refuses NUL and lone surrogates.',
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Reference data (the brands' names and the like) is the one feature every other may read.
              regex: '^\\.\\./\\.\\./(?!\\.\\.|reference/)[a-z-]+/(api|components|hooks)/',
              message: 'Features never import each other; compose them in app/routes.',
            },
          ],
        },
      ],
    },
  },
);
