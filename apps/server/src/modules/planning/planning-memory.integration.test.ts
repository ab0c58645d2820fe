import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import { openDatabase, type Database } from '../../platform/db/client.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import * as s from '../../platform/db/schema.ts';
import { createPlanningMemory, type PlanningMemory, type PlanningView } from './planning-memory.ts';
import { createInventoryService } from '../inventory/index.ts';
import { dropFeasibility, teamSchedule, visitOptions } from './planning-board.ts';
import { prunePlanningChanges } from './prune-planning-changes.ts';
import { isoWeekday } from './slot-feasibility.ts';

let t: TestApp;
let planner: Awaited<ReturnType<TestApp['as']>>;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
/** Another server instance: its own memory, and on PostgreSQL its own connections. */
let other: { database: Database; memory: PlanningMemory };
/** A Monday two weeks ahead, and the visits this file plans (one moves about, one stays in the queue). */
let monday: string;
let moving: typeof s.visits.$inferSelect;
let waiting: typeof s.visits.$inferSelect;

type Card = { id: string; number: string; customerName: string; missingMaterials: string[]; lockVersion: number };
type Board = {
  teams: {
    id: string;
    maxVisitsPerDay: number;
    days: { date: string; off: { kind: string } | null; blocks: Record<string, { visits: Card[] }> }[];
  }[];
  queue: Card[];
};
const board = async (date: string) => (await planner.get(`/api/teams/schedule?view=week&date=${date}`)).json() as Board;
const cell = (b: Board, date: string, block: 'morning' | 'afternoon', teamId = t.fixtures.team1.id) =>
  b.teams
    .find((team) => team.id === teamId)!
    .days.find((d) => d.date === date)!
    .blocks[block]!.visits.map((c) => c.number);
const everyCard = (b: Board) =>
  b.teams.flatMap((team) => team.days.flatMap((d) => Object.values(d.blocks).flatMap((x) => x.visits)));

/**
 * The other instance, asked right after a change committed through the app, answers exactly what the
 * database answers (board, drop check and options of the week), and what a full read of its memory holds.
 */
async function expectEverywhereCurrent(date: string) {
  const q = { view: 'week' as const, date };
  const fromMemory = { db: other.database.db, memory: other.memory };
  const fromDatabase = { db: t.database.db };
  expect(await teamSchedule(fromMemory, q)).toEqual(await teamSchedule(fromDatabase, q));
  expect(await dropFeasibility(fromMemory, waiting.id, q, 'nl')).toEqual(
    await dropFeasibility(fromDatabase, waiting.id, q, 'nl'),
  );
  expect(await visitOptions(fromMemory, waiting.id, { from: date })).toEqual(
    await visitOptions(fromDatabase, waiting.id, { from: date }),
  );
  expect((await other.memory.current()).contents()).toEqual((await other.memory.rebuilt()).contents());
}

async function insertVisit(number: string) {
  const { o1, c1, v1 } = t.fixtures;
  const [row] = await t.database.db
    .insert(s.visits)
    .values({
      number,
      orderId: o1.id,
      entityId: o1.entityId,
      customerId: c1.id,
      addressId: v1.addressId,
      type: 'installation',
      durationMinutes: 60,
      requiredSkills: ['charger_installation'],
    })
    .returning();
  return row!;
}
const lockVersionOf = async (id: string) =>
  (await t.database.db.select({ v: s.visits.lockVersion }).from(s.visits).where(eq(s.visits.id, id)))[0]!.v;
const move = async (slot: object | null) => {
  const res = await planner.put(`/api/visits/${moving.id}`, { lockVersion: await lockVersionOf(moving.id), slot });
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  planner = await t.as('planner@chargecars.nl');
  const today = todayInAmsterdam();
  monday = addDaysToDate(today, 15 - isoWeekday(today));
  // The fixture visit BZ-000001 (planned today) carries a charger; the warehouse has none yet.
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
  const url = (t.database as { url?: string }).url;
  const database = url ? await openDatabase({ url }) : t.database;
  other = { database, memory: createPlanningMemory(database.db) };
  // Read once before any change below: from here on the other instance only applies changes.
  await other.memory.current();
  moving = await insertVisit('BZ-MEM-001');
  waiting = await insertVisit('BZ-MEM-002');
});
afterAll(async () => {
  other?.memory.close();
  if (other && other.database !== t?.database) await other.database.close();
  await t?.close();
});

describe('the planning board read from the memory', () => {
  it('shows a visit planned, moved and unplanned at once, on this instance and the other', async () => {
    await move({ teamId: t.fixtures.team1.id, date: monday, block: 'morning' });
    let b = await board(monday);
    expect(cell(b, monday, 'morning')).toContain('BZ-MEM-001');
    expect(b.queue.map((c) => c.number)).not.toContain('BZ-MEM-001');
    await expectEverywhereCurrent(monday);

    const tuesday = addDaysToDate(monday, 1);
    await move({ teamId: t.fixtures.team1.id, date: tuesday, block: 'afternoon' });
    b = await board(monday);
    expect(cell(b, monday, 'morning')).not.toContain('BZ-MEM-001');
    expect(cell(b, tuesday, 'afternoon')).toContain('BZ-MEM-001');
    expect(everyCard(b).find((c) => c.number === 'BZ-MEM-001')!.lockVersion).toBe(await lockVersionOf(moving.id));
    await expectEverywhereCurrent(monday);

    await move(null);
    b = await board(monday);
    expect(everyCard(b).map((c) => c.number)).not.toContain('BZ-MEM-001');
    expect(b.queue.map((c) => c.number)).toContain('BZ-MEM-001');
    await expectEverywhereCurrent(monday);
  });

  it('shows an absence at once, and the drop check refuses the day', async () => {
    const wednesday = addDaysToDate(monday, 2);
    const res = await planner.post(`/api/teams/${t.fixtures.team1.id}/absences`, {
      dateFrom: wednesday,
      dateTo: wednesday,
      kind: 'training',
    });
    expect(res.statusCode, res.body).toBe(201);
    const day = (await board(monday)).teams
      .find((team) => team.id === t.fixtures.team1.id)!
      .days.find((d) => d.date === wednesday)!;
    expect(day.off).toMatchObject({ kind: 'training' });
    const drop = (await planner.get(`/api/visits/${waiting.id}/feasibility?view=week&date=${monday}`)).json() as {
      cells: { teamId: string; date: string; reasons: { code: string }[] }[];
    };
    const refused = drop.cells.find((c) => c.teamId === t.fixtures.team1.id && c.date === wednesday)!;
    expect(refused.reasons.map((r) => r.code)).toContain('absent');
    await expectEverywhereCurrent(monday);
  });

  it("shows a team's new settings, a renamed customer and a cancelled order at once", async () => {
    const patched = await (await t.as('admin@chargecars.nl')).patch(`/api/teams/${t.fixtures.team1.id}`, {
      maxVisitsPerDay: 2,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await board(monday)).teams.find((team) => team.id === t.fixtures.team1.id)!.maxVisitsPerDay).toBe(2);
    await expectEverywhereCurrent(monday);

    await t.database.db
      .update(s.customers)
      .set({ name: 'Anna de Vries-Bos' })
      .where(eq(s.customers.id, t.fixtures.c1.id));
    expect((await board(monday)).queue.find((c) => c.number === 'BZ-MEM-002')!.customerName).toBe('Anna de Vries-Bos');
    await expectEverywhereCurrent(monday);

    await t.database.db
      .update(s.orders)
      .set({ stage: 'on_hold', stageReason: 'Klant wacht op netbeheerder' })
      .where(eq(s.orders.id, t.fixtures.o1.id));
    expect((await board(monday)).queue.map((c) => c.number)).not.toContain('BZ-MEM-002');
    await expectEverywhereCurrent(monday);
    await t.database.db
      .update(s.orders)
      .set({ stage: 'scheduled', stageReason: null })
      .where(eq(s.orders.id, t.fixtures.o1.id));
    expect((await board(monday)).queue.map((c) => c.number)).toContain('BZ-MEM-002');
  });

  it('lets a visit go once its part is received, and follows the reservation made for it', async () => {
    const today = todayInAmsterdam();
    const short = async () => everyCard(await board(today)).find((c) => c.number === 'BZ-000001')!.missingMaterials;
    expect(await short()).toEqual(['Zaptec Go 2 22 kW']);
    await expectEverywhereCurrent(today);

    const ops = t.fixtures.users['ops@chargecars.nl']!;
    const inventory = createInventoryService({ db: t.database.db });
    await inventory.post(
      { userId: ops.id, role: 'operations', name: ops.name, partnerId: null, teamId: null, customerId: null },
      {
        idempotencyKey: 'memory-receipt',
        documentType: 'purchase_receipt',
        documentRef: 'PAKBON-GEHEUGEN',
        moves: [
          {
            productId: fx.products.charger.id,
            quantity: 1,
            serialNumber: 'ZAP-MEMORY-1',
            fromLocationId: fx.locations.supplier.id,
            toLocationId: fx.locations.warehouse.id,
          },
        ],
      },
    );
    expect(await short()).toEqual([]);
    await expectEverywhereCurrent(today);

    // The sweep reserves the charger for the visit: now held, it is still not short.
    await inventory.sweepReservations();
    const [held] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.stockReservations)
      .where(and(eq(s.stockReservations.visitId, t.fixtures.v1.id), eq(s.stockReservations.status, 'active')));
    expect(held!.n).toBeGreaterThan(0);
    expect(await short()).toEqual([]);
    await expectEverywhereCurrent(today);
  });

  it('reads everything again when the change log was pruned past it, and is still current', async () => {
    // A third instance that read once, then nothing while two changes came and the log was pruned twice:
    // the first change's record is gone by then, so only a full read can know of it.
    const idle = createPlanningMemory(t.database.db);
    await idle.current();
    await move({ teamId: t.fixtures.team1.id, date: monday, block: 'afternoon' });
    await prunePlanningChanges(t.database.db);
    await t.database.db.update(s.visits).set({ priority: 2 }).where(eq(s.visits.id, waiting.id));
    const recorded = async () =>
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(s.planningChanges)
          .where(and(eq(s.planningChanges.kind, 'visit'), eq(s.planningChanges.key, moving.id)))
      )[0]!.n;
    // On PostgreSQL an open transaction in another test's database holds the horizon back for a moment.
    for (let tries = 0; tries < 50 && (await recorded()) > 0; tries++) {
      await prunePlanningChanges(t.database.db);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await recorded()).toBe(0);

    const q = { view: 'week' as const, date: monday };
    const fromMemory = await teamSchedule({ db: t.database.db, memory: idle }, q);
    expect(fromMemory).toEqual(await teamSchedule({ db: t.database.db }, q));
    const afternoon = fromMemory.teams
      .find((team) => team.id === t.fixtures.team1.id)!
      .days.find((d) => d.date === monday)!.blocks.afternoon.visits;
    expect(afternoon.map((v) => v.number)).toContain('BZ-MEM-001');
    expect(fromMemory.queue.find((v) => v.number === 'BZ-MEM-002')!.priority).toBe(2);
    idle.close();
  });

  // On the embedded database one connection serves every query in turn, so no read can overlap a change.
  it.skipIf(!process.env.DATABASE_URL)(
    'answers a read asked after a change with that change, even while an older read is still being served',
    async () => {
      const memory = createPlanningMemory(t.database.db);
      await memory.current();
      const priorityOf = async (view: Promise<PlanningView>) => (await view).visit(waiting.id)!.priority;
      // A change the first read will apply; a lock on customers stops that read inside its snapshot.
      await t.database.db.update(s.visits).set({ priority: 0 }).where(eq(s.visits.id, waiting.id));
      const blocker = await other.database.pool!.connect();
      await blocker.query('begin');
      await blocker.query('lock table customers in access exclusive mode');
      const first = memory.current();
      for (let tries = 0; tries < 100; tries++) {
        const blocked = await other.database.execute(
          `select count(*)::int n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (Number(blocked.rows[0]!.n) > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      // Committed while the first read is held, then asked for: the second read must include it.
      await t.database.db.update(s.visits).set({ priority: 1 }).where(eq(s.visits.id, waiting.id));
      const second = memory.current();
      await blocker.query('commit');
      blocker.release();
      await first;
      expect(await priorityOf(second)).toBe(1);
      memory.close();
    },
  );
});
