import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The repository's own eslint.config.js, applied to text as if it were a file in read-models/.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../../../', import.meta.url)) });
const errorsIn = async (code: string) => {
  const [result] = await eslint.lintText(code, { filePath: 'apps/server/src/read-models/order-board.ts' });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.message);
};

describe('read models', () => {
  it('may select across modules', async () => {
    expect(
      await errorsIn(
        "import { orders } from '../modules/orders/orders.schema.ts';\nexport const board = (db: { select: () => { from: (t: unknown) => unknown } }) => db.select().from(orders);\n",
      ),
    ).toEqual([]);
  });

  it.each(['insert', 'update', 'delete'])('may not %s', async (verb) => {
    expect(
      await errorsIn(
        `import { orders } from '../modules/orders/orders.schema.ts';\nexport const change = (db: Record<string, (t: unknown) => unknown>) => db.${verb}(orders);\n`,
      ),
    ).toEqual(["A read model only reads: change another module's tables through that module's index.ts."]);
  });
});
