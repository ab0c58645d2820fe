import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import * as s from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { addDaysToDate } from '../../platform/calendar.ts';
import { createInventoryService, type InventoryService } from './index.ts';

// A warehouse with 2 chargers and 30 m of cable, one charger on its way, three planned installations in
// weeks 1 to 3, a year of decided quotes (3 signed of 6: a conversion of 50%, 21 days from sent to
// installed) and two open quotes: the forecast must add them up week by week and say when chargers run out.

let t: TestApp;
let inv: InventoryService;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
let actor: Actor;
let monday: string;
let n = 0;
const at = (date: string) => new Date(`${date}T12:00:00Z`);
const money = { unitPriceCents: 0, vatRate: 21, vatCategory: 'standard' as const, billTo: 'customer' as const };

async function order(lines: { productId: string; quantity: number }[], quoteId: string | null = null) {
  const { c1 } = t.fixtures;
  const [o] = await t.database.db
    .insert(s.orders)
    .values({
      number: `ORD-F-${++n}`,
      entityId: 'chargecars',
      customerId: c1.id,
      quoteId,
      installationAddressId: t.fixtures.v1.addressId,
      stage: 'scheduled',
    })
    .returning();
  if (lines.length)
    await t.database.db.insert(s.orderLines).values(
      lines.map((l, i) => ({
        orderId: o!.id,
        position: i + 1,
        description: 'Materiaal',
        totalCents: 0,
        ...money,
        ...l,
      })),
    );
  return o!;
}

async function visit(orderId: string, date: string, status: 'scheduled' | 'completed' = 'scheduled') {
  const [v] = await t.database.db
    .insert(s.visits)
    .values({
      number: `BZ-F-${++n}`,
      orderId,
      entityId: 'chargecars',
      customerId: t.fixtures.c1.id,
      addressId: t.fixtures.v1.addressId,
      type: 'installation',
      status,
      teamId: t.fixtures.team1.id,
      scheduledDate: date,
      block: 'morning',
      durationMinutes: 180,
    })
    .returning();
  return v!;
}

async function quote(opts: {
  status: (typeof s.QUOTE_STATUSES)[number];
  sentOn: string;
  validUntil: string;
  signedOn?: string;
  lines?: { productId: string; quantity: number }[];
}) {
  const [q] = await t.database.db
    .insert(s.quotes)
    .values({
      number: `OFF-F-${++n}`,
      entityId: 'chargecars',
      customerId: t.fixtures.c1.id,
      status: opts.status,
      validUntil: opts.validUntil,
      createdAt: at(opts.sentOn),
      sentAt: opts.status === 'draft' ? null : at(opts.sentOn),
      signedAt: opts.signedOn ? at(opts.signedOn) : null,
    })
    .returning();
  const [version] = await t.database.db
    .insert(s.quoteVersions)
    .values({ quoteId: q!.id, version: 1, customerTotalCents: 0, partnerTotalCents: 0 })
    .returning();
  const lines = [...(opts.lines ?? []), { productId: fx.products.install.id, quantity: 1 }];
  await t.database.db.insert(s.quoteLines).values(
    lines.map((l, i) => ({
      quoteVersionId: version!.id,
      position: i + 1,
      description: 'Regel',
      totalCents: 0,
      ...money,
      ...l,
    })),
  );
  return q!;
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  inv = createInventoryService({ db: t.database.db });
  const ops = t.fixtures.users['ops@chargecars.nl']!;
  actor = { userId: ops.id, role: 'operations', name: ops.name, partnerId: null, teamId: null, customerId: null };
  const { today } = t.fixtures;
  monday = addDaysToDate(today, 1 - (((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1));
  const { charger, cable } = fx.products;
  const { supplier, warehouse } = fx.locations;

  await inv.post(actor, {
    idempotencyKey: 'forecast-receipt-1',
    documentType: 'purchase_receipt',
    documentRef: 'PAKBON-F1',
    moves: [
      {
        productId: charger.id,
        quantity: 1,
        serialNumber: 'FC-1',
        fromLocationId: supplier.id,
        toLocationId: warehouse.id,
      },
      {
        productId: charger.id,
        quantity: 1,
        serialNumber: 'FC-2',
        fromLocationId: supplier.id,
        toLocationId: warehouse.id,
      },
      { productId: cable.id, quantity: 30, fromLocationId: supplier.id, toLocationId: warehouse.id },
    ],
  });
  const po = await inv.createPurchaseOrder(actor, {
    entityId: 'chargecars',
    supplierLocationId: supplier.id,
    expectedOn: addDaysToDate(monday, 15),
    lines: [{ productId: charger.id, quantity: 1 }],
  });
  await inv.sendPurchaseOrder(actor, po.id);

  // Planned: week 1 a charger and 10 m of cable, week 2 two chargers, week 3 one; one far beyond holds 5 m.
  await visit(
    (
      await order([
        { productId: charger.id, quantity: 1 },
        { productId: cable.id, quantity: 10 },
      ])
    ).id,
    addDaysToDate(monday, 7),
  );
  await visit((await order([{ productId: charger.id, quantity: 2 }])).id, addDaysToDate(monday, 14));
  await visit((await order([{ productId: charger.id, quantity: 1 }])).id, addDaysToDate(monday, 21));
  const later = await visit((await order([{ productId: cable.id, quantity: 5 }])).id, addDaysToDate(monday, 70));
  await inv.reserve(actor, { visitId: later.id, lines: [{ productId: cable.id, quantity: 5 }] });

  // History: signed 14, 21 and 35 days after sending (median 21), one declined, two expired, one too old.
  for (const [sent, lead] of [
    [-60, 14],
    [-50, 21],
    [-80, 35],
  ] as const) {
    const sentOn = addDaysToDate(today, sent);
    const q = await quote({
      status: 'signed',
      sentOn,
      validUntil: addDaysToDate(sentOn, 30),
      signedOn: addDaysToDate(sentOn, 3),
    });
    await visit((await order([], q.id)).id, addDaysToDate(sentOn, lead), 'completed');
  }
  await quote({ status: 'declined', sentOn: addDaysToDate(today, -40), validUntil: addDaysToDate(today, -10) });
  await quote({ status: 'expired', sentOn: addDaysToDate(today, -100), validUntil: addDaysToDate(today, -70) });
  await quote({ status: 'expired', sentOn: addDaysToDate(today, -70), validUntil: addDaysToDate(today, -40) });
  await quote({ status: 'expired', sentOn: addDaysToDate(today, -300), validUntil: addDaysToDate(today, -270) });

  // Open: one sent a week ago (installed in two weeks), one long ago (due now); a draft and a lapsed one count not.
  await quote({
    status: 'sent',
    sentOn: addDaysToDate(today, -7),
    validUntil: addDaysToDate(today, 23),
    lines: [
      { productId: charger.id, quantity: 1 },
      { productId: cable.id, quantity: 10 },
    ],
  });
  await quote({
    status: 'partially_signed',
    sentOn: addDaysToDate(today, -30),
    validUntil: today,
    lines: [{ productId: charger.id, quantity: 2 }],
  });
  await quote({
    status: 'draft',
    sentOn: today,
    validUntil: addDaysToDate(today, 30),
    lines: [{ productId: charger.id, quantity: 5 }],
  });
  await quote({
    status: 'sent',
    sentOn: addDaysToDate(today, -35),
    validUntil: addDaysToDate(today, -1),
    lines: [{ productId: charger.id, quantity: 5 }],
  });
});
afterAll(() => t?.close());

type Forecast = {
  from: string;
  to: string;
  weeks: { start: string; number: number }[];
  conversion: { signed: number; decided: number; rate: number | null; leadDays: number; leadDaysFromHistory: boolean };
  plannedVisits: number;
  pipelineQuotes: number;
  products: {
    sku: string;
    name: string;
    onHand: number;
    reservedElsewhere: number;
    weeks: { planned: number; pipeline: number; receipts: number; projected: number }[];
    plannedShortWeek: string | null;
    shortWeek: string | null;
  }[];
};

describe('the demand forecast', () => {
  it('adds planned visits and the weighted pipeline per week against stock and receipts, and finds the week a product runs short', async () => {
    const warehouse = await t.as('magazijn@chargecars.nl');
    const res = await warehouse.get('/api/inventory/demand-forecast?weeks=4');
    expect(res.statusCode).toBe(200);
    const f = res.json() as Forecast;
    expect(f.from).toBe(monday);
    expect(f.to).toBe(addDaysToDate(monday, 27));
    expect(f.weeks.map((w) => w.start)).toEqual([0, 7, 14, 21].map((d) => addDaysToDate(monday, d)));
    expect(f.conversion).toMatchObject({ signed: 3, decided: 6, rate: 0.5, leadDays: 21, leadDaysFromHistory: true });
    // The fixture's two visits of today plus the three above; the one in ten weeks is outside.
    expect(f.plannedVisits).toBe(5);
    expect(f.pipelineQuotes).toBe(2);

    const charger = f.products.find((p) => p.sku === 'ZAP-GO2-22')!;
    expect(charger.onHand).toBe(2);
    expect(charger.weeks.map((w) => [w.planned, w.receipts])).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
      [1, 0],
    ]);
    // The quote sent 30 days ago was due 9 days ago: this week, at half its two chargers; the one sent a
    // week ago is due in two weeks, at half its one charger.
    expect(charger.weeks.map((w) => w.pipeline)).toEqual([1, 0, 0.5, 0]);
    // Planned alone: 2, 1, 0, -1: short in week 3. With the pipeline: 1, 0, then below zero in week 2.
    expect(charger.plannedShortWeek).toBe(addDaysToDate(monday, 21));
    expect(charger.shortWeek).toBe(addDaysToDate(monday, 14));
    expect(charger.weeks[3]!.projected).toBe(-2.5);
    expect(f.products[0]!.sku).toBe('ZAP-GO2-22');

    const cable = f.products.find((p) => p.sku === 'CC-IK-5X6')!;
    expect(cable.reservedElsewhere).toBe(5);
    expect(cable.weeks.map((w) => w.planned)).toEqual([0, 10, 0, 0]);
    expect(cable.weeks.map((w) => w.pipeline)).toEqual([0, 0, 5, 0]);
    expect(cable.weeks[3]!.projected).toBe(10);
    expect(cable.shortWeek).toBeNull();
  });

  it('lists the planned visits a stock-out would delay, with what they lack, and their share of the installations', async () => {
    const planner = await t.as('planner@chargecars.nl');
    const from = addDaysToDate(monday, 7);
    const to = addDaysToDate(monday, 27);
    const res = await planner.get(`/api/inventory/stock-out-warnings?from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    const report = res.json() as {
      plannedInstallations: number;
      delayedInstallations: number;
      share: number;
      visits: {
        date: string;
        team: { name: string };
        order: { number: string };
        missing: { sku: string; shortBy: number }[];
      }[];
    };
    // Week 1 takes one of the two chargers; week 2 needs two before the receipt of the day after; week 3 gets that one.
    expect(report.plannedInstallations).toBe(3);
    expect(report.delayedInstallations).toBe(1);
    expect(report.share).toBeCloseTo(1 / 3);
    expect(report.visits).toEqual([
      expect.objectContaining({
        date: addDaysToDate(monday, 14),
        team: expect.objectContaining({ name: 'Team Midden' }),
        missing: [expect.objectContaining({ sku: 'ZAP-GO2-22', shortBy: 1 })],
      }),
    ]);
    expect((await planner.get(`/api/inventory/stock-out-warnings?from=${to}&to=${from}`)).statusCode).toBe(400);
  });

  it("names the products in the reader's language", async () => {
    const warehouse = await t.as('magazijn@chargecars.nl');
    const f = (
      await warehouse.get('/api/inventory/demand-forecast?weeks=4', { 'accept-language': 'en' })
    ).json() as Forecast;
    const charger = f.products.find((p) => p.sku === 'ZAP-GO2-22')!;
    expect(charger.name).toBe('Zaptec Go 2 22 kW charger');
  });

  it('is not for technicians or partners', async () => {
    for (const who of ['tech1@chargecars.nl', 'partner-a@alfa.example.nl'])
      expect((await (await t.as(who)).get('/api/inventory/demand-forecast')).statusCode).toBe(403);
  });
});
