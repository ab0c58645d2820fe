import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import * as s from '../../platform/db/schema.ts';
import { createInventoryService } from '../inventory/index.ts';

let t: TestApp;
let planner: Awaited<ReturnType<TestApp['as']>>;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;

type BoardCard = { number: string; missingMaterials: string[] };
type Board = {
  teams: { id: string; days: { blocks: Record<string, { visits: BoardCard[] }> }[] }[];
  queue: BoardCard[];
};
const board = async (query = '') => (await planner.get(`/api/teams/schedule?view=week${query}`)).json() as Board;
const queued = async (materials: 'waiting' | 'ready') =>
  (await board(`&materials=${materials}`)).queue.find((c) => c.number === 'BZ-000001');

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  planner = await t.as('planner@chargecars.nl');
  // The fixture visit BZ-000001 (planned today) now carries a charger; the warehouse has none.
  await t.database.db.insert(s.orderLines).values({
    orderId: t.fixtures.o1.id,
    position: 20,
    productId: fx.products.charger.id,
    description: 'Laadpaal',
    quantity: 1,
    unitPriceCents: 0,
    vatRate: 21,
    vatCategory: 'standard',
    billTo: 'customer',
    totalCents: 0,
  });
});
afterAll(() => t?.close());

describe('materials on the planning board', () => {
  it('flags a planned visit whose part is not there by its day', async () => {
    const cards = (await board()).teams.flatMap((team) =>
      team.days.flatMap((d) => Object.values(d.blocks).flatMap((b) => b.visits)),
    );
    expect(cards.find((c) => c.number === 'BZ-000001')?.missingMaterials).toEqual(['Zaptec Go 2 22 kW']);
    const english = (
      (await planner.get('/api/teams/schedule?view=week', { 'accept-language': 'en' })).json() as Board
    ).teams.flatMap((team) => team.days.flatMap((d) => Object.values(d.blocks).flatMap((b) => b.visits)));
    expect(english.find((c) => c.number === 'BZ-000001')?.missingMaterials).toEqual(['Zaptec Go 2 22 kW charger']);
  });

  it('filters the queue on waiting for materials, and lets a visit go once its part is received', async () => {
    await t.database.db
      .update(s.visits)
      .set({ status: 'to_schedule', teamId: null, scheduledDate: null, block: null })
      .where(eq(s.visits.id, t.fixtures.v1.id));
    expect(await queued('waiting')).toMatchObject({ missingMaterials: ['Zaptec Go 2 22 kW'] });
    expect(await queued('ready')).toBeUndefined();

    const ops = t.fixtures.users['ops@chargecars.nl']!;
    await createInventoryService({ db: t.database.db }).post(
      { userId: ops.id, role: 'operations', name: ops.name, partnerId: null, teamId: null, customerId: null },
      {
        idempotencyKey: 'board-materials-receipt',
        documentType: 'purchase_receipt',
        documentRef: 'PAKBON-BORD',
        moves: [
          {
            productId: fx.products.charger.id,
            quantity: 1,
            serialNumber: 'ZAP-BOARD-1',
            fromLocationId: fx.locations.supplier.id,
            toLocationId: fx.locations.warehouse.id,
          },
        ],
      },
    );
    expect(await queued('waiting')).toBeUndefined();
    expect(await queued('ready')).toMatchObject({ missingMaterials: [] });
  });

  it('refuses an unknown materials filter', async () => {
    expect((await planner.get('/api/teams/schedule?materials=soon')).statusCode).toBe(400);
  });
});
