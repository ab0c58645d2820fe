import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cruise, type IFlattenedRuleSet } from 'dependency-cruiser';

// The rules `npm run lint` applies to apps/server, run on small trees written for each case.
const config = createRequire(import.meta.url)('../../../.dependency-cruiser.cjs') as {
  forbidden: IFlattenedRuleSet['forbidden'];
};

let root: string | null = null;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

/** Writes the files (paths under apps/server/src) and returns the names of the rules they break. */
async function violationsOf(files: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), 'module-order-'));
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, 'apps/server/src', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const result = await cruise(['apps/server/src'], {
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  });
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

const table = (name: string) => `export const ${name} = { name: '${name}' };\n`;

describe('module order and table ownership', () => {
  it('allows the shapes the architecture asks for', async () => {
    expect(
      await violationsOf({
        'modules/crm/crm.schema.ts': table('customers'),
        'modules/crm/index.ts': "export { customers } from './crm.schema.ts';\n",
        // A schema file references a lower module's table for its foreign key.
        'modules/orders/orders.schema.ts':
          "import { customers } from '../crm/crm.schema.ts';\nexport const orders = { customerId: customers };\n",
        'modules/orders/order-scope.ts':
          "import { orders } from './orders.schema.ts';\nexport const orderScope = () => orders;\n",
        // A read model joins both modules' tables; a module's use case calls a lower module and a read model.
        'read-models/order-list.ts':
          "import { customers } from '../modules/crm/crm.schema.ts';\nimport { orders } from '../modules/orders/orders.schema.ts';\nimport { orderScope } from '../modules/orders/order-scope.ts';\nexport const list = [customers, orders, orderScope];\n",
        'modules/orders/index.ts':
          "import { customers } from '../crm/index.ts';\nimport { list } from '../../read-models/order-list.ts';\nexport { ordersRoutes } from './orders.routes.ts';\nexport const service = [customers, list];\nexport type Service = typeof service;\n",
        // A routes file naming its service's type from index.ts is a circle of types only.
        'modules/orders/orders.routes.ts':
          "import type { Service } from './index.ts';\nexport const ordersRoutes = (s: Service) => s;\n",
      }),
    ).toEqual([]);
  });

  it('refuses a module importing a module after it, even for a type', async () => {
    expect(
      await violationsOf({
        'modules/orders/index.ts': 'export type OrdersService = string;\n',
        'modules/crm/index.ts':
          "import type { OrdersService } from '../orders/index.ts';\nexport type Crm = OrdersService;\n",
      }),
    ).toEqual(['module-order: apps/server/src/modules/crm/index.ts -> apps/server/src/modules/orders/index.ts']);
  });

  it("refuses a module's use case importing another module's tables, which it could write", async () => {
    expect(
      await violationsOf({
        'modules/orders/orders.schema.ts': table('orderLines'),
        'modules/billing/issue-invoice.ts':
          "import { orderLines } from '../orders/orders.schema.ts';\nexport const mark = orderLines;\n",
      }),
    ).toEqual([
      'tables-of-another-module: apps/server/src/modules/billing/issue-invoice.ts -> apps/server/src/modules/orders/orders.schema.ts',
    ]);
  });

  it('refuses a read model calling a module, and the platform importing one', async () => {
    expect(
      await violationsOf({
        'modules/crm/index.ts': 'export const crm = 1;\n',
        'read-models/customer-360.ts': "import { crm } from '../modules/crm/index.ts';\nexport const view = crm;\n",
        'platform/auth/sessions.ts':
          "import { view } from '../../read-models/customer-360.ts';\nexport const s = view;\n",
      }),
    ).toEqual([
      'platform-below-modules: apps/server/src/platform/auth/sessions.ts -> apps/server/src/read-models/customer-360.ts',
      'read-models-see-tables-only: apps/server/src/read-models/customer-360.ts -> apps/server/src/modules/crm/index.ts',
    ]);
  });

  it('refuses an import circle that runs code, and a module without a place in the order', async () => {
    expect(
      await violationsOf({
        'modules/quotes/sign-quote.ts': "import { send } from './send-quote.ts';\nexport const sign = () => send;\n",
        'modules/quotes/send-quote.ts': "import { sign } from './sign-quote.ts';\nexport const send = () => sign;\n",
        'modules/stock/index.ts': "import { sign } from '../quotes/sign-quote.ts';\nexport const stock = sign;\n",
      }),
    ).toEqual([
      'no-circular: apps/server/src/modules/quotes/send-quote.ts -> apps/server/src/modules/quotes/sign-quote.ts',
      'unknown-module: apps/server/src/modules/stock/index.ts -> apps/server/src/modules/quotes/sign-quote.ts',
    ]);
  });
});
