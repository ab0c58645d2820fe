import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import * as s from '../../platform/db/schema.ts';

let t: TestApp;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  const db = t.database.db;
  // Partner A gets an agreement with the ZaptecShop.nl brand and a wholesale price list.
  await db.insert(s.businessEntities).values({
    id: 'zaptecshop',
    name: 'ZaptecShop.nl',
    legalName: 'ZaptecShop B.V.',
    kind: 'b2b_partner',
    kvkNumber: '10000003',
    vatNumber: 'NL000000003B01',
    iban: 'NL00BANK0000000003',
    emailFrom: 'verkoop@zaptecshop.nl',
    brandColor: '#111827',
    website: 'https://zaptecshop.nl',
  });
  await db.insert(s.partnerAgreements).values({
    partnerId: t.fixtures.partnerA.id,
    entityId: 'zaptecshop',
    commissionType: 'none',
    validFrom: '2026-01-01',
  });
  await db
    .insert(s.partnerPrices)
    .values(
      [fx.products.charger, fx.products.cable, fx.products.cabinet].map((p) => ({
        partnerId: t.fixtures.partnerA.id,
        productId: p.id,
        priceCents: 1000,
      })),
    )
    .onConflictDoNothing();
  const warehouse = await t.as('magazijn@chargecars.nl');
  const L = fx.locations;
  const receipt = await warehouse.post('/api/inventory/postings', {
    idempotencyKey: 'wholesale-setup-1',
    documentType: 'purchase_receipt',
    documentRef: 'PAKBON-B2B',
    moves: [
      { productId: fx.products.cable.id, quantity: 40, fromLocationId: L.supplier.id, toLocationId: L.binA.id },
      ...['B2B-1', 'B2B-2'].map((serialNumber) => ({
        productId: fx.products.charger.id,
        quantity: 1,
        serialNumber,
        fromLocationId: L.supplier.id,
        toLocationId: L.warehouse.id,
      })),
    ],
  });
  expect(receipt.statusCode, receipt.body).toBe(201);
  const po = await warehouse.post('/api/inventory/purchase-orders', {
    entityId: 'chargecars',
    supplierLocationId: L.supplier.id,
    expectedOn: addDaysToDate(todayInAmsterdam(), 10),
    lines: [{ productId: fx.products.cabinet.id, quantity: 10 }],
  });
  await warehouse.post(`/api/inventory/purchase-orders/${po.json().id}/send`);
});
afterAll(() => t?.close());

describe('wholesale availability for B2B partners', () => {
  it('shows a brand partner its price list in bands, never the quantities, with the expected date', async () => {
    const partner = await t.as('partner-a@alfa.example.nl');
    const res = await partner.get('/api/inventory/wholesale-availability');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.eligible).toBe(true);
    const bySku = Object.fromEntries(body.products.map((p: { sku: string }) => [p.sku, p]));
    expect(bySku[fx.products.cable.sku]).toMatchObject({ band: 'in_stock', expectedOn: null });
    expect(bySku[fx.products.charger.sku]).toMatchObject({ band: 'limited' });
    expect(bySku[fx.products.cabinet.sku]).toMatchObject({
      band: 'out_of_stock',
      expectedOn: addDaysToDate(todayInAmsterdam(), 10),
    });
    // No number of pieces anywhere in the answer.
    expect(res.body).not.toMatch(/"(free|onHand|quantity|reserved)"/);
  });

  it('shows nothing to a partner of another brand, and is for partners only', async () => {
    const other = await t.as('partner-b@bravo.example.nl');
    expect((await other.get('/api/inventory/wholesale-availability')).json()).toEqual({
      eligible: false,
      products: [],
    });
    const ops = await t.as('ops@chargecars.nl');
    expect((await ops.get('/api/inventory/wholesale-availability')).statusCode).toBe(403);
  });
});
