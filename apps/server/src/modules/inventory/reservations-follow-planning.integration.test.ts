import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import * as s from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { addDaysToDate } from '../../platform/calendar.ts';
import { relayedEvent } from '../../platform/events/outbox-relay.ts';
import type { QueuedSubscriber } from '../../platform/events/subscribers.ts';
import { compareStockBalances, createInventoryService, type InventoryService } from './index.ts';

let t: TestApp;
let inv: InventoryService;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
let actor: Actor;
let subscriber: QueuedSubscriber;
let n = 0;
const key = () => `follow-${++n}-${Date.now()}`;

/** Hands every event not yet seen to inventory's subscriber, as the relay would. */
let lastEventId = 0;
async function relay() {
  const rows = await t.database.db.select().from(s.outboxEvents).orderBy(s.outboxEvents.id);
  for (const row of rows.filter((r) => r.id > lastEventId)) {
    lastEventId = row.id;
    if ((subscriber.eventTypes as readonly string[]).includes(row.type))
      await subscriber.handle(relayedEvent(row) as never);
  }
}

async function held(visitId: string) {
  const rows = await t.database.execute(
    `select p.sku, sum(r.quantity)::int n from stock_reservations r join products p on p.id = r.product_id
     where r.visit_id = $1 and r.status = 'active' group by 1 order by 1`,
    [visitId],
  );
  return Object.fromEntries(rows.rows.map((r) => [r.sku as string, r.n as number]));
}

async function receive(moves: { productId: string; quantity: number; serialNumber?: string }[]) {
  await inv.post(actor, {
    idempotencyKey: key(),
    documentType: 'purchase_receipt',
    documentRef: 'PAKBON-F',
    moves: moves.map((m) => ({
      ...m,
      fromLocationId: fx.locations.supplier.id,
      toLocationId: fx.locations.warehouse.id,
    })),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  inv = createInventoryService({ db: t.database.db });
  const ops = t.fixtures.users['ops@chargecars.nl']!;
  actor = { userId: ops.id, role: 'operations', name: ops.name, partnerId: null, teamId: null, customerId: null };
  subscriber = t.built.workers.subscribers.find(
    (x) => x.queue === 'event.inventory.reservations-follow-planning',
  ) as QueuedSubscriber;
  // The fixture order gets a home-charging kit (charger, labour, 10 m cable) and 2.5 m of loose cable.
  const { o1 } = t.fixtures;
  await t.database.db.insert(s.orderLines).values(
    [
      { orderId: o1.id, position: 10, kitId: fx.kits.home.id, description: 'Thuislaadpakket', quantity: 1 },
      { orderId: o1.id, position: 11, productId: fx.products.cable.id, description: 'Kabel', quantity: 2.5 },
      { orderId: o1.id, position: 12, productId: fx.products.hour.id, description: 'Uur', quantity: 2 },
    ].map((l) => ({
      ...l,
      unitPriceCents: 0,
      vatRate: 21,
      vatCategory: 'standard' as const,
      billTo: 'customer' as const,
      totalCents: 0,
    })),
  );
  const [last] = await t.database.db
    .select({ id: s.outboxEvents.id })
    .from(s.outboxEvents)
    .orderBy(desc(s.outboxEvents.id))
    .limit(1);
  lastEventId = last?.id ?? 0;
});
afterAll(() => t?.close());

describe('reservations follow planning', () => {
  it("planning a visit reserves its order's materials with kits expanded; a shortage is left short and filled when stock comes", async () => {
    const { v1, team1, today } = t.fixtures;
    await receive([{ productId: fx.products.cable.id, quantity: 100 }]);
    const planner = await t.as('planner@chargecars.nl');
    const day = addDaysToDate(today, 3);
    const res = await planner.post(`/api/visits/${v1.id}/schedule`, { date: day, teamId: team1.id, block: 'morning' });
    expect(res.statusCode).toBe(200);
    await relay();
    // 10 m from the kit + 2.5 m rounded up; no charger in stock yet; labour is no material.
    expect(await held(v1.id)).toEqual({ 'CC-IK-5X6': 13 });

    const check = (await planner.get(`/api/inventory/material-availability?visitId=${v1.id}&date=${day}`)).json() as {
      short: boolean;
      lines: { sku: string; needed: number; held: number; shortBy: number }[];
    };
    expect(check.short).toBe(true);
    expect(check.lines.map((l) => [l.sku, l.needed, l.held, l.shortBy])).toEqual(
      expect.arrayContaining([
        ['ZAP-GO2-22', 1, 0, 1],
        ['CC-IK-5X6', 13, 13, 0],
      ]),
    );
    const report = (
      await planner.get(`/api/inventory/stock-out-warnings?from=${today}&to=${addDaysToDate(today, 14)}`)
    ).json() as {
      visits: { visitNumber: string; missing: { sku: string; shortBy: number }[] }[];
    };
    expect(report.visits).toContainEqual(
      expect.objectContaining({
        visitNumber: v1.number,
        missing: [expect.objectContaining({ sku: 'ZAP-GO2-22', shortBy: 1 })],
      }),
    );

    await receive([{ productId: fx.products.charger.id, quantity: 1, serialNumber: 'FOLLOW-1' }]);
    const swept = await inv.sweepReservations();
    expect(swept).toContainEqual(expect.objectContaining({ visitId: v1.id, reserved: 1, short: 0 }));
    expect(await held(v1.id)).toEqual({ 'CC-IK-5X6': 13, 'ZAP-GO2-22': 1 });
    // A repeated event and a second sweep reserve nothing more.
    lastEventId = 0;
    await relay();
    expect(await inv.sweepReservations()).toEqual([]);
    expect(await held(v1.id)).toEqual({ 'CC-IK-5X6': 13, 'ZAP-GO2-22': 1 });
    expect(await compareStockBalances(t.database.db)).toEqual([]);
  });

  it('counts expected receipts before the date, and not those on or after it', async () => {
    const { o1, today } = t.fixtures;
    const supplier = fx.locations.supplier.id;
    const expectedOn = addDaysToDate(today, 5);
    const po = await inv.createPurchaseOrder(actor, {
      entityId: 'chargecars',
      supplierLocationId: supplier,
      expectedOn,
      lines: [{ productId: fx.products.charger.id, quantity: 4, unitCostCents: 60000 }],
    });
    await inv.sendPurchaseOrder(actor, po.id);
    const before = await inv.materialAvailability({ orderId: o1.id, date: expectedOn });
    const after = await inv.materialAvailability({ orderId: o1.id, date: addDaysToDate(expectedOn, 1) });
    const charger = (a: typeof before) => a.lines.find((l) => l.sku === 'ZAP-GO2-22')!;
    expect(charger(before).expected).toBe(0);
    expect(charger(after).expected).toBe(4);
    expect(charger(after).available).toBe(charger(before).available + 4);
  });

  it('cancelling the order releases what its visit held, and so does a visit taken out of the planning', async () => {
    const { o1, v1 } = t.fixtures;
    const ops = await t.as('ops@chargecars.nl');
    const res = await ops.post(`/api/orders/${o1.id}/stage`, { stage: 'cancelled', reason: 'Klant ziet ervan af' });
    expect(res.statusCode).toBe(200);
    await relay();
    expect(await held(v1.id)).toEqual({});
    expect(await compareStockBalances(t.database.db)).toEqual([]);

    // Back on: the sweep reserves again; then the visit is unplanned without an event and the sweep frees it.
    await t.database.db.update(s.orders).set({ stage: 'scheduled' }).where(eq(s.orders.id, o1.id));
    await inv.sweepReservations();
    expect(await held(v1.id)).toEqual({ 'CC-IK-5X6': 13, 'ZAP-GO2-22': 1 });
    await t.database.db
      .update(s.visits)
      .set({ status: 'to_schedule', teamId: null, scheduledDate: null, block: null })
      .where(eq(s.visits.id, v1.id));
    expect(await inv.sweepReservations()).toContainEqual(expect.objectContaining({ visitId: v1.id, released: 14 }));
    expect(await held(v1.id)).toEqual({});
    expect(await compareStockBalances(t.database.db)).toEqual([]);
  });

  it('refuses a material check without a visit or order, or with both', async () => {
    const planner = await t.as('planner@chargecars.nl');
    const { today, v1, o1 } = t.fixtures;
    expect((await planner.get(`/api/inventory/material-availability?date=${today}`)).statusCode).toBe(400);
    expect(
      (await planner.get(`/api/inventory/material-availability?date=${today}&visitId=${v1.id}&orderId=${o1.id}`))
        .statusCode,
    ).toBe(400);
  });
});
