import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';

let t: TestApp;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
let warehouse: Awaited<ReturnType<TestApp['as']>>;

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  warehouse = await t.as('magazijn@chargecars.nl');
});
afterAll(() => t?.close());

async function newOrder(quantity: number) {
  const res = await warehouse.post('/api/inventory/purchase-orders', {
    entityId: 'chargecars',
    supplierLocationId: fx.locations.supplier.id,
    lines: [
      { productId: fx.products.charger.id, quantity, unitCostCents: 62000 },
      { productId: fx.products.cabinet.id, quantity: 10 },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; status: string };
}

describe('purchase orders and goods receipt (HTTP, as warehouse staff)', () => {
  it('receives a sent order in two deliveries, with serials and batch codes', async () => {
    const po = await newOrder(3);
    expect(po).toMatchObject({ status: 'draft', number: expect.stringMatching(/^IO-\d{4}-000001$/) });
    const receipt = (idempotencyKey: string, lines: object[]) =>
      warehouse.post(`/api/inventory/purchase-orders/${po.id}/receipts`, { idempotencyKey, lines });

    // A draft has not been sent: nothing can arrive yet.
    const early = await receipt('ontvangst-vroeg-1', [
      { productId: fx.products.cabinet.id, quantity: 1, batchCode: 'B1' },
    ]);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('purchase_order_not_receivable');
    expect((await warehouse.post(`/api/inventory/purchase-orders/${po.id}/send`)).statusCode).toBe(204);

    const first = await receipt('ontvangst-1-abcdef', [
      { productId: fx.products.charger.id, quantity: 2, serialNumbers: ['ZGO-1001', 'ZGO-1002'] },
      { productId: fx.products.cabinet.id, quantity: 4, batchCode: 'B2611-0042' },
    ]);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe('partly_received');
    // The same delivery sent again (a retry) posts nothing more.
    const retry = await receipt('ontvangst-1-abcdef', [
      { productId: fx.products.charger.id, quantity: 2, serialNumbers: ['ZGO-1001', 'ZGO-1002'] },
      { productId: fx.products.cabinet.id, quantity: 4, batchCode: 'B2611-0042' },
    ]);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({
      replayed: true,
      postingId: first.json().postingId,
      status: 'partly_received',
    });

    // More than is still open is refused; so is a serial that was received before.
    const over = await receipt('ontvangst-2-abcdef', [
      { productId: fx.products.charger.id, quantity: 2, serialNumbers: ['ZGO-1003', 'ZGO-1004'] },
    ]);
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'over_receipt', errors: [{ field: 'lines.0.quantity' }] });
    const twice = await receipt('ontvangst-3-abcdef', [
      { productId: fx.products.charger.id, quantity: 1, serialNumbers: ['ZGO-1001'] },
    ]);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('serial_already_received');
    const noSerial = await receipt('ontvangst-4-abcdef', [{ productId: fx.products.charger.id, quantity: 1 }]);
    expect(noSerial.statusCode).toBe(422);
    expect(noSerial.json().code).toBe('serial_required');
    const zero = await receipt('ontvangst-5-abcdef', [
      { productId: fx.products.cabinet.id, quantity: 0, batchCode: 'B1' },
    ]);
    expect(zero.statusCode).toBe(400);

    const rest = await receipt('ontvangst-6-abcdef', [
      { productId: fx.products.charger.id, quantity: 1, serialNumbers: ['ZGO-1003'] },
      { productId: fx.products.cabinet.id, quantity: 6, batchCode: 'B2611-0043' },
    ]);
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json().status).toBe('received');

    const detail = (await warehouse.get(`/api/inventory/purchase-orders/${po.id}`)).json();
    expect(detail.lines.map((l: { sku: string; quantityReceived: number }) => [l.sku, l.quantityReceived])).toEqual([
      ['MK-GROEP-UITBR', 10],
      ['ZAP-GO2-22', 3],
    ]);
    expect(detail.receipts).toHaveLength(5);
    const cancel = await warehouse.post(`/api/inventory/purchase-orders/${po.id}/cancel`);
    expect(cancel.statusCode).toBe(409);

    const stock = (await warehouse.get(`/api/inventory/stock?productId=${fx.products.cabinet.id}`)).json();
    expect(stock).toEqual([
      expect.objectContaining({ locationCode: 'MAG-NKK', onHand: 10, reserved: 0, available: 10 }),
    ]);
    const serial = (await warehouse.get('/api/inventory/serials?serial=ZGO-1002')).json();
    expect(serial).toEqual([
      expect.objectContaining({
        serialNumber: 'ZGO-1002',
        location: expect.objectContaining({ code: 'MAG-NKK' }),
        hops: [expect.objectContaining({ documentType: 'purchase_receipt', documentRef: po.number })],
      }),
    ]);
    expect((await warehouse.get('/api/inventory/serials?serial=BESTAAT-NIET')).json()).toEqual([]);
    const ledger = (await warehouse.get(`/api/inventory/products/${fx.products.charger.id}`)).json();
    expect(ledger.product).toMatchObject({ tracking: 'serial', warrantyMonths: 36 });
    expect(ledger.moves).toHaveLength(3);
    expect((await t.as('admin@chargecars.nl').then((a) => a.get('/api/inventory/balance-check'))).json()).toEqual({
      differences: [],
    });
  });

  it('filters the overview to what is below its reorder point', async () => {
    const L = fx.locations;
    // Its own stock: 5 cable at the warehouse against a reorder point of 20; the cabinet part has none.
    await warehouse.post('/api/inventory/postings', {
      idempotencyKey: 'overview-receipt-0001',
      documentType: 'purchase_receipt',
      documentRef: 'PAKBON-OVERVIEW',
      moves: [
        { productId: fx.products.cable.id, quantity: 5, fromLocationId: L.supplier.id, toLocationId: L.warehouse.id },
        {
          productId: fx.products.cabinet.id,
          quantity: 1,
          batchCode: 'B-OVERVIEW',
          fromLocationId: L.supplier.id,
          toLocationId: L.warehouse.id,
        },
      ],
    });
    const below = (await warehouse.get('/api/inventory/stock?belowReorderPoint=true')).json() as {
      sku: string;
      belowReorderPoint: boolean;
    }[];
    expect(below.map((r) => r.sku)).toContain(fx.products.cable.sku);
    expect(below.map((r) => r.sku)).not.toContain(fx.products.cabinet.sku);
    expect(below.every((r) => r.belowReorderPoint)).toBe(true);
    const all = (await warehouse.get('/api/inventory/stock')).json() as { sku: string }[];
    expect(all.map((r) => r.sku)).toContain(fx.products.cabinet.sku);
  });

  it('posts moves and reservations over HTTP: a retry answers 200 with the same posting, refusals are problems', async () => {
    const L = fx.locations;
    const free = async () =>
      (
        (
          await warehouse.get(`/api/inventory/stock?productId=${fx.products.cabinet.id}&locationId=${L.warehouse.id}`)
        ).json() as {
          available: number;
        }[]
      ).reduce((a, r) => a + r.available, 0);
    const before = await free();
    const posting = {
      idempotencyKey: 'http-transfer-000001',
      documentType: 'transfer',
      documentRef: 'OVB-HTTP-1',
      moves: [
        {
          productId: fx.products.cabinet.id,
          quantity: 2,
          batchCode: 'B2611-0042',
          fromLocationId: L.warehouse.id,
          toLocationId: L.van1.id,
        },
      ],
    };
    await warehouse.post('/api/inventory/postings', {
      idempotencyKey: 'http-receipt-000001',
      documentType: 'purchase_receipt',
      documentRef: 'PAKBON-HTTP',
      moves: [{ ...posting.moves[0]!, fromLocationId: L.supplier.id, toLocationId: L.warehouse.id }],
    });
    const first = await warehouse.post('/api/inventory/postings', posting);
    expect(first.statusCode, first.body).toBe(201);
    expect(await free()).toBe(before);
    const again = await warehouse.post('/api/inventory/postings', posting);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ postingId: first.json().postingId, replayed: true, warnings: [] });
    const zero = await warehouse.post('/api/inventory/postings', {
      ...posting,
      idempotencyKey: 'http-transfer-000002',
      moves: [{ ...posting.moves[0], quantity: 0 }],
    });
    expect(zero.statusCode).toBe(400);
    const tooMuch = await warehouse.post(`/api/inventory/visits/${t.fixtures.v1.id}/reservations`, {
      lines: [{ productId: fx.products.cabinet.id, quantity: before + 1 }],
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json()).toMatchObject({
      code: 'insufficient_stock',
      detail: expect.stringContaining(`beschikbaar: ${before})`),
    });
    const planner = await t.as('planner@chargecars.nl');
    const held = await planner.post(`/api/inventory/visits/${t.fixtures.v1.id}/reservations`, {
      lines: [{ productId: fx.products.cabinet.id, quantity: 3 }],
    });
    expect(held.statusCode, held.body).toBe(200);
    const released = await planner.post(`/api/inventory/visits/${t.fixtures.v1.id}/reservations/release`);
    expect(released.json()).toEqual({ released: 3 });
  });

  it('keeps stock pages from roles that do not run the warehouse', async () => {
    const planner = await t.as('planner@chargecars.nl');
    expect((await planner.get('/api/inventory/stock')).statusCode).toBe(403);
    const tech = await t.as('tech1@chargecars.nl');
    expect((await tech.get('/api/inventory/serials?serial=ZGO-1001')).statusCode).toBe(403);
  });
});
