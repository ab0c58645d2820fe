import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import * as s from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { compareStockBalances, createInventoryService, type InventoryService } from './index.ts';

let t: TestApp;
let inv: InventoryService;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
let actor: Actor;
type Client = Awaited<ReturnType<TestApp['as']>>;
let warehouse: Client;

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  inv = createInventoryService({ db: t.database.db });
  const ops = t.fixtures.users['ops@chargecars.nl']!;
  actor = { userId: ops.id, role: 'operations', name: ops.name, partnerId: null, teamId: null, customerId: null };
  warehouse = await t.as('magazijn@chargecars.nl');
  // Visit v1 (team 1, today) carries a home-charging kit: a charger, labour and 10 m of cable.
  await t.database.db.insert(s.orderLines).values({
    orderId: t.fixtures.o1.id,
    position: 10,
    kitId: fx.kits.home.id,
    description: 'Thuislaadpakket',
    quantity: 1,
    unitPriceCents: 0,
    vatRate: 21,
    vatCategory: 'standard',
    billTo: 'customer',
    totalCents: 0,
  });
  const L = fx.locations;
  await inv.post(actor, {
    idempotencyKey: 'pick-test-receipt-1',
    documentType: 'purchase_receipt',
    documentRef: 'PAKBON-P',
    moves: [
      {
        productId: fx.products.charger.id,
        quantity: 1,
        serialNumber: 'PICK-001',
        fromLocationId: L.supplier.id,
        toLocationId: L.binA.id,
      },
      {
        productId: fx.products.charger.id,
        quantity: 1,
        serialNumber: 'PICK-002',
        fromLocationId: L.supplier.id,
        toLocationId: L.binA.id,
      },
      { productId: fx.products.cable.id, quantity: 50, fromLocationId: L.supplier.id, toLocationId: L.warehouse.id },
    ],
  });
  await inv.sweepReservations();
});
afterAll(() => t?.close());

type List = {
  staging: { code: string };
  visits: {
    number: string;
    status: string;
    mainComponents: { sku: string; serialNumber: string | null; locationCode: string | null; picked: boolean }[];
    smallParts: { sku: string; quantity: number }[];
  }[];
  smallPartsByType: { type: string; parts: { sku: string; quantity: number }[] }[];
};

describe('picking list and kit check', () => {
  it('lists a team-day with the reserved serial and its bin, picks into staging, checks the kit and loads the van', async () => {
    const { team1, today, v1 } = t.fixtures;
    const listUrl = `/api/inventory/picking-list?teamId=${team1.id}&date=${today}`;
    const list = (await warehouse.get(listUrl)).json() as List;
    expect(list.staging.code).toBe('STAGING-MIDDEN');
    const visit = list.visits.find((v) => v.number === v1.number)!;
    expect(visit.status).toBe('to_pick');
    expect(visit.mainComponents).toEqual([
      expect.objectContaining({
        sku: 'ZAP-GO2-22',
        serialNumber: 'PICK-001',
        locationCode: 'MAG-NKK-A',
        picked: false,
      }),
    ]);
    expect(visit.smallParts).toEqual([expect.objectContaining({ sku: 'CC-IK-5X6', quantity: 10 })]);
    expect(list.smallPartsByType).toEqual([
      { type: 'installation', parts: [expect.objectContaining({ quantity: 10 })] },
    ]);

    const picked = await warehouse.post(`/api/inventory/visits/${v1.id}/pick`);
    expect(picked.statusCode).toBe(201);
    expect((await warehouse.post(`/api/inventory/visits/${v1.id}/pick`)).statusCode).toBe(409); // nothing left
    const after = ((await warehouse.get(listUrl)).json() as List).visits.find((v) => v.number === v1.number)!;
    expect(after.status).toBe('picked');
    expect(after.mainComponents[0]).toMatchObject({
      serialNumber: 'PICK-001',
      locationCode: 'STAGING-MIDDEN',
      picked: true,
    });

    const kit = (await warehouse.get(`/api/inventory/visits/${v1.id}/kit`)).json() as { items: unknown[]; van: string };
    expect(kit.items).toHaveLength(2);
    const check = (body: object) => warehouse.post(`/api/inventory/visits/${v1.id}/kit-check`, body);
    const wrong = await check({
      idempotencyKey: `kit-${v1.id}`,
      scannedSerials: ['PICK-002'],
      counted: [{ productId: fx.products.cable.id, quantity: 9 }],
    });
    expect(wrong.statusCode).toBe(422);
    const messages = (wrong.json() as { errors: { message: string }[] }).errors.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'PICK-002 hoort niet bij deze kit',
        'PICK-001 is niet gescand',
        'CC-IK-5X6: geteld 9, gepickt 10',
      ]),
    );
    const body = {
      idempotencyKey: `kit-${v1.id}`,
      scannedSerials: ['PICK-001'],
      counted: [{ productId: fx.products.cable.id, quantity: 10 }],
    };
    const loaded = await check(body);
    expect(loaded.statusCode).toBe(201);
    expect((loaded.json() as { van: string }).van).toBe(kit.van);
    expect((await check(body)).statusCode).toBe(200); // a retried scan-and-load posts once
    const serial = (await warehouse.get('/api/inventory/serials?serial=PICK-001')).json() as {
      location: { code: string };
      hops: { documentType: string }[];
    }[];
    expect(serial[0]!.location.code).toBe(kit.van);
    expect(serial[0]!.hops.map((h) => h.documentType)).toEqual(['purchase_receipt', 'pick', 'load']);
    expect(((await warehouse.get(listUrl)).json() as List).visits.find((v) => v.number === v1.number)!.status).toBe(
      'loaded',
    );
    expect(await compareStockBalances(t.database.db)).toEqual([]);
  });

  it('answers 404 for an unknown team and 400 for a malformed date', async () => {
    const res = await warehouse.get(`/api/inventory/picking-list?teamId=${crypto.randomUUID()}&date=2026-12-01`);
    expect(res.statusCode).toBe(404);
    expect(
      (await warehouse.get(`/api/inventory/picking-list?teamId=${t.fixtures.team1.id}&date=morgen`)).statusCode,
    ).toBe(400);
  });
});
