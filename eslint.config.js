import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Module boundaries are rules, not conventions (STYLE.md): a server module may only be
// reached through its index.ts, route files never touch the database, and web features
// never import each other.
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
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.ts$).+',
          message: 'A module is reached only through its index.ts (ARCHITECTURE.md).',
        }],
      }],
    },
  },
  {
    files: ['apps/server/src/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.ts$).+', message: 'A module is reached only through its index.ts.' },
          { regex: '(\\.schema\\.ts$|platform/db/|drizzle-orm)', message: 'Route files never touch the database: call a use case.' },
        ],
      }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^\\.\\./\\.\\./features/|^\\.\\./(?!\\.\\.)[a-z-]+/(api|components|hooks)/', message: 'Features never import each other; compose them in app/routes.' }],
      }],
    },
  },
);
