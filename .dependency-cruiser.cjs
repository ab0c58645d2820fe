// Who may import whom in apps/server (docs/ARCHITECTURE.md, "Module order and read models").
// `npm run lint` runs it; dependency-cruiser.test.ts proves each rule fails on a wrong-way import.

/** Lower layers first: a module imports only modules before it, so no two modules can import each other. */
const MODULE_ORDER = [
  'entities',
  'partners',
  'catalog',
  'crm',
  'leads',
  'quotes',
  'orders',
  'planning',
  'billing',
  'inventory',
  'mobile',
  'integrations',
  'notifications',
  'analytics',
  'admin',
];

const SRC = '^apps/server/src/';
const MODULES = `${SRC}modules/`;
// Tests seed and inspect any table they need; the rules are about the product code.
const TEST = '\\.test\\.ts$';

const moduleOrder = MODULE_ORDER.map((name, i) => ({
  name: 'module-order',
  comment: `${name} comes before ${MODULE_ORDER.slice(i + 1).join(', ') || 'nothing'}: it may not import them (not even their types).`,
  severity: 'error',
  from: { path: `${MODULES}${name}/`, pathNot: TEST },
  to: { path: `${MODULES}(${MODULE_ORDER.slice(i + 1).join('|') || '(?!)'})/` },
}));

module.exports = {
  forbidden: [
    ...moduleOrder,
    {
      name: 'unknown-module',
      comment: 'Every module has a place in MODULE_ORDER (.dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: `${MODULES}(?!(${MODULE_ORDER.join('|')})/)[^/]+/` },
      to: {},
    },
    {
      name: 'tables-of-another-module',
      comment:
        "Only read-models/ and schema files (for foreign keys) import another module's *.schema.ts: a module writes only its own tables.",
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/`, pathNot: [TEST, '\\.schema\\.ts$'] },
      to: { path: `${MODULES}[^/]+/[^/]+\\.schema\\.ts$`, pathNot: `${MODULES}$1/` },
    },
    {
      name: 'read-models-see-tables-only',
      comment:
        "A read model joins modules' tables (and their row scopes); it never calls a module, which may call read models.",
      severity: 'error',
      from: { path: `${SRC}read-models/` },
      to: { path: MODULES, pathNot: '(\\.schema|-scope)\\.ts$' },
    },
    {
      name: 'platform-below-modules',
      comment:
        'The platform serves every module and knows none. The users table references partners, teams and customers (foreign keys), and db/schema.ts lists every table for Drizzle.',
      severity: 'error',
      from: {
        path: `${SRC}platform/`,
        pathNot: [TEST, `${SRC}platform/db/schema\\.ts$`, `${SRC}platform/auth/auth\\.schema\\.ts$`],
      },
      to: { path: `${SRC}(modules|read-models)/` },
    },
    {
      name: 'auth-schema-references-only',
      comment: 'auth.schema.ts may reference the tables users are scoped by, nothing else of the modules.',
      severity: 'error',
      from: { path: `${SRC}platform/auth/auth\\.schema\\.ts$` },
      to: { path: `${SRC}(modules|read-models)/`, pathNot: `${MODULES}[^/]+/[^/]+\\.schema\\.ts$` },
    },
    {
      name: 'no-circular',
      comment:
        'No import circle that runs code: a type-only import (a routes file naming its service type from index.ts) does not count.',
      severity: 'error',
      from: { path: SRC },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: SRC,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
