import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import { compareStockBalances } from './index.ts';

let t: TestApp;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
type Client = Awaited<ReturnType<TestApp['as']>>;
let warehouse: Client;
type Detail = {
  id: string;
  number: string;
  status: string;
  lines: { id: string; sku: string; lot: string; expected: number; counted: number | null; variance: number | null }[];
};

async function receive(key: string, moves: object[]) {
  const res = await warehouse.post('/api/inventory/postings', {
    idempotencyKey: key,
    documentType: 'purchase_receipt',
    documentRef: 'PAKBON-TEL',
    moves,
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function balance(productId: string, locationId: string, lot = '') {
  const rows = await t.database.execute(
    'select coalesce(sum(on_hand), 0)::int n from stock_balances where product_id = $1 and location_id = $2 and lot = $3',
    [productId, locationId, lot],
  );
  return rows.rows[0]!.n as number;
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  warehouse = await t.as('magazijn@chargecars.nl');
  const { charger, cable, cabinet } = fx.products;
  const L = fx.locations;
  await receive('count-setup-1', [
    ...['TEL-S1', 'TEL-S2', 'TEL-S3'].map((serialNumber) => ({
      productId: charger.id,
      quantity: 1,
      serialNumber,
      fromLocationId: L.supplier.id,
      toLocationId: L.binA.id,
    })),
    { productId: cable.id, quantity: 40, fromLocationId: L.supplier.id, toLocationId: L.binA.id },
    { productId: cabinet.id, quantity: 6, batchCode: 'B-7', fromLocationId: L.supplier.id, toLocationId: L.binA.id },
  ]);
});
afterAll(() => t?.close());

describe('cycle counts', () => {
  it('counts a bin, posts the variance through the ledger once, and shows the accuracy', async () => {
    const { charger, cable, cabinet } = fx.products;
    const L = fx.locations;
    const started = await warehouse.post('/api/inventory/counts', { locationId: L.binA.id });
    expect(started.statusCode, started.body).toBe(201);
    const { id, number } = started.json() as { id: string; number: string };
    expect(number).toMatch(/^TEL-\d{4}-000001$/);
    // A second count of the same place while this one is open would post the same difference twice.
    const again = await warehouse.post('/api/inventory/counts', { locationId: L.binA.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('count_already_open');

    const detail = (await warehouse.get(`/api/inventory/counts/${id}`)).json() as Detail;
    expect(detail.lines.map((l) => [l.sku, l.lot, l.expected]).sort()).toEqual(
      [
        ['CC-IK-5X6', '', 40],
        [fx.products.cabinet.sku, 'B-7', 6],
        ['ZAP-GO2-22', 'TEL-S1', 1],
        ['ZAP-GO2-22', 'TEL-S2', 1],
        ['ZAP-GO2-22', 'TEL-S3', 1],
      ].sort(),
    );
    const line = (lot: string, sku?: string) => detail.lines.find((l) => l.lot === lot && (!sku || l.sku === sku))!;

    // Posting before the counted lines have a quantity says which lines are missing.
    const early = await warehouse.post(`/api/inventory/counts/${id}/post`);
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('count_incomplete');

    // Scanned one by one, as a scanner types them; TEL-S2 is not found. 38 cables, 7 cabinets.
    for (const serial of ['TEL-S1', ' TEL-S3 '])
      expect((await warehouse.put(`/api/inventory/counts/${id}`, { scannedSerials: [serial] })).statusCode).toBe(200);
    const recorded = await warehouse.put(`/api/inventory/counts/${id}`, {
      lines: [
        { lineId: line('', 'CC-IK-5X6').id, counted: 38 },
        { lineId: line('B-7').id, counted: 7 },
      ],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);

    // Meanwhile 5 cables leave the bin: not a variance, since the variance is taken at posting.
    const transfer = await warehouse.post('/api/inventory/postings', {
      idempotencyKey: 'count-transfer-1',
      documentType: 'transfer',
      documentRef: 'OVB-1',
      moves: [{ productId: cable.id, quantity: 5, fromLocationId: L.binA.id, toLocationId: L.van1.id }],
    });
    expect(transfer.statusCode).toBe(201);
    await warehouse.put(`/api/inventory/counts/${id}`, { lines: [{ lineId: line('', 'CC-IK-5X6').id, counted: 35 }] });

    const posted = await warehouse.post(`/api/inventory/counts/${id}/post`);
    expect(posted.statusCode, posted.body).toBe(201);
    const twice = await warehouse.post(`/api/inventory/counts/${id}/post`);
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toMatchObject({ replayed: true, postingId: posted.json().postingId });

    expect(await balance(charger.id, L.binA.id, 'TEL-S2')).toBe(0);
    expect(await balance(charger.id, L.loss.id, 'TEL-S2')).toBe(1);
    expect(await balance(cable.id, L.binA.id)).toBe(35);
    expect(await balance(cabinet.id, L.binA.id, 'B-7')).toBe(7);
    expect(await balance(cabinet.id, L.loss.id, 'B-7')).toBe(-1);
    expect(await compareStockBalances(t.database.db)).toEqual([]);
    const moves = await t.database.execute(
      "select count(*)::int n from stock_moves m join stock_postings p on p.id = m.posting_id where p.document_type = 'count_adjustment'",
    );
    expect(moves.rows[0]!.n).toBe(2);

    const after = (await warehouse.get(`/api/inventory/counts/${id}`)).json() as Detail;
    expect(after.status).toBe('posted');
    expect(after.lines.map((l) => [l.lot || l.sku, l.counted, l.variance]).sort()).toEqual(
      [
        ['CC-IK-5X6', 35, 0],
        ['B-7', 7, 1],
        ['TEL-S1', 1, 0],
        ['TEL-S2', 0, -1],
        ['TEL-S3', 1, 0],
      ].sort(),
    );
    const changed = await warehouse.put(`/api/inventory/counts/${id}`, { scannedSerials: ['TEL-S2'] });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('count_posted');

    const today = todayInAmsterdam();
    const list = (await warehouse.get(`/api/inventory/counts?from=${today}&to=${today}`)).json();
    expect(list.accuracy).toEqual({ lines: 5, accurate: 3, share: 0.6 });
    expect(list.counts[0]).toMatchObject({ number, status: 'posted', lines: 5, counted: 5, variances: 2 });
  });

  it('finds a serial lost at an earlier count again, and refuses one booked elsewhere or never received', async () => {
    const { charger } = fx.products;
    const L = fx.locations;
    const { id } = (await warehouse.post('/api/inventory/counts', { locationId: L.binA.id })).json() as { id: string };
    const elsewhere = await warehouse.put(`/api/inventory/counts/${id}`, { scannedSerials: ['NOPE-1'] });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().code).toBe('serial_unknown');
    await receive('count-setup-2', [
      {
        productId: charger.id,
        quantity: 1,
        serialNumber: 'TEL-S9',
        fromLocationId: L.supplier.id,
        toLocationId: L.warehouse.id,
      },
    ]);
    const wrongPlace = await warehouse.put(`/api/inventory/counts/${id}`, { scannedSerials: ['TEL-S9'] });
    expect(wrongPlace.statusCode).toBe(409);
    expect(wrongPlace.json()).toMatchObject({ code: 'serial_not_at_location' });
    expect(wrongPlace.json().detail).toContain('MAG-NKK');

    const found = await warehouse.put(`/api/inventory/counts/${id}`, {
      scannedSerials: ['TEL-S1', 'TEL-S2', 'TEL-S3'],
    });
    expect(found.statusCode, found.body).toBe(200);
    const detail = found.json() as Detail;
    const lines = detail.lines.filter((l) => l.lot !== 'TEL-S1' && l.lot !== 'TEL-S2' && l.lot !== 'TEL-S3');
    await warehouse.put(`/api/inventory/counts/${id}`, {
      lines: lines.map((l) => ({ lineId: l.id, counted: l.expected })),
    });
    expect((await warehouse.post(`/api/inventory/counts/${id}/post`)).statusCode).toBe(201);
    expect(await balance(charger.id, L.binA.id, 'TEL-S2')).toBe(1);
    expect(await balance(charger.id, L.loss.id, 'TEL-S2')).toBe(0);
    const serial = (await warehouse.get('/api/inventory/serials?serial=TEL-S2')).json()[0];
    expect(serial.location.code).toBe(L.binA.code);
    expect(await compareStockBalances(t.database.db)).toEqual([]);
  });

  it('counts only physical places, validates its input, and is not for other roles', async () => {
    const L = fx.locations;
    const virtual = await warehouse.post('/api/inventory/counts', { locationId: L.customer.id });
    expect(virtual.statusCode).toBe(422);
    expect(virtual.json().code).toBe('not_physical_location');
    expect((await warehouse.post('/api/inventory/counts', { locationId: 'x' })).statusCode).toBe(400);
    const { id } = (await warehouse.post('/api/inventory/counts', { locationId: L.van2.id })).json() as { id: string };
    const negative = await warehouse.put(`/api/inventory/counts/${id}`, {
      lines: [{ lineId: '00000000-0000-4000-8000-000000000000', counted: -1 }],
    });
    expect(negative.statusCode).toBe(400);
    const foreign = await warehouse.put(`/api/inventory/counts/${id}`, {
      lines: [{ lineId: '00000000-0000-4000-8000-000000000000', counted: 1 }],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().code).toBe('unknown_count_line');
    // An empty van counted empty: posted without a single move, and it counts for nothing in the accuracy.
    expect((await warehouse.post(`/api/inventory/counts/${id}/post`)).json()).toMatchObject({ postingId: null });
    const planner = await t.as('planner@chargecars.nl');
    expect((await planner.get('/api/inventory/counts')).statusCode).toBe(403);
    expect((await planner.post('/api/inventory/counts', { locationId: L.van2.id })).statusCode).toBe(403);
    const en = await warehouse.post(
      '/api/inventory/counts',
      { locationId: L.customer.id },
      { 'accept-language': 'en' },
    );
    expect(en.json().detail).toContain('Only a physical location');
  });
});
