import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { compareStockBalances, createInventoryService, type InventoryService } from './index.ts';

let t: TestApp;
let inv: InventoryService;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
let warehouse: Awaited<ReturnType<TestApp['as']>>;
let n = 0;
const key = () => `transfer-test-${++n}-${Date.now()}`;

async function balance(productId: string, locationId: string) {
  const rows = await t.database.execute(
    'select coalesce(sum(on_hand), 0)::int n from stock_balances where product_id = $1 and location_id = $2',
    [productId, locationId],
  );
  return rows.rows[0]!.n as number;
}
async function serialAt(serial: string) {
  const rows = await t.database.execute(
    'select l.code from stock_serials s join stock_locations l on l.id = s.location_id where s.serial_number = $1',
    [serial],
  );
  return rows.rows[0]?.code as string | undefined;
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  inv = createInventoryService({ db: t.database.db });
  const ops = t.fixtures.users['ops@chargecars.nl']!;
  const actor: Actor = {
    userId: ops.id,
    role: 'operations',
    name: ops.name,
    partnerId: null,
    teamId: null,
    customerId: null,
  };
  const { supplier, warehouse: hq } = fx.locations;
  await inv.post(actor, {
    idempotencyKey: key(),
    documentType: 'purchase_receipt',
    documentRef: 'PAKBON-T1',
    moves: [
      ...['TR-1', 'TR-2'].map((serialNumber) => ({
        productId: fx.products.charger.id,
        quantity: 1,
        serialNumber,
        fromLocationId: supplier.id,
        toLocationId: hq.id,
      })),
      { productId: fx.products.cable.id, quantity: 100, fromLocationId: supplier.id, toLocationId: hq.id },
      {
        productId: fx.products.cabinet.id,
        quantity: 5,
        batchCode: 'MK-B1',
        fromLocationId: supplier.id,
        toLocationId: hq.id,
      },
    ],
  });
  warehouse = await t.as('magazijn@chargecars.nl');
});
afterAll(() => t?.close());

describe('transfers', () => {
  it('sends from the warehouse to a van through transit, receives it there, and posts a retried key once', async () => {
    const { warehouse: hq, van1, transit } = fx.locations;
    const { charger, cable } = fx.products;
    const body = {
      idempotencyKey: key(),
      fromLocationId: hq.id,
      toLocationId: van1.id,
      lines: [
        { productId: cable.id, quantity: 20 },
        { productId: charger.id, quantity: 1, serialNumber: 'TR-1' },
      ],
    };
    const sent = await warehouse.post('/api/inventory/transfers', body);
    expect(sent.statusCode, sent.body).toBe(201);
    const transfer = sent.json() as { id: string; number: string; status: string; viaTransit: boolean };
    expect(transfer).toMatchObject({ status: 'in_transit', viaTransit: true });
    expect(transfer.number).toMatch(/^OVB-\d{4}-000001$/);
    expect(await balance(cable.id, transit.id)).toBe(20);
    expect(await balance(cable.id, van1.id)).toBe(0);
    expect(await serialAt('TR-1')).toBe('ONDERWEG');

    const again = await warehouse.post('/api/inventory/transfers', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: transfer.id, replayed: true });
    expect(await balance(cable.id, hq.id)).toBe(80);
    const otherPlace = await warehouse.post('/api/inventory/transfers', {
      ...body,
      toLocationId: fx.locations.van2.id,
    });
    expect(otherPlace.statusCode).toBe(409);

    const listed = (await warehouse.get('/api/inventory/transfers?status=in_transit')).json() as {
      id: string;
      lines: { sku: string; quantity: number; serialNumber: string | null }[];
    }[];
    expect(listed.map((x) => x.id)).toEqual([transfer.id]);
    expect(listed[0]!.lines).toEqual([
      expect.objectContaining({ sku: 'CC-IK-5X6', quantity: 20, serialNumber: null }),
      expect.objectContaining({ sku: 'ZAP-GO2-22', quantity: 1, serialNumber: 'TR-1' }),
    ]);

    const received = await warehouse.post(`/api/inventory/transfers/${transfer.id}/receive`);
    expect(received.statusCode).toBe(201);
    expect(received.json()).toMatchObject({ status: 'received', replayed: false });
    expect((await warehouse.post(`/api/inventory/transfers/${transfer.id}/receive`)).json()).toMatchObject({
      replayed: true,
    });
    expect(await balance(cable.id, van1.id)).toBe(20);
    expect(await balance(cable.id, transit.id)).toBe(0);
    expect(await serialAt('TR-1')).toBe(van1.code);
    expect(await compareStockBalances(t.database.db)).toEqual([]);
  });

  it('moves between two vans at once, without transit', async () => {
    const { van1, van2 } = fx.locations;
    const res = await warehouse.post('/api/inventory/transfers', {
      idempotencyKey: key(),
      fromLocationId: van1.id,
      toLocationId: van2.id,
      lines: [{ productId: fx.products.charger.id, quantity: 1, serialNumber: 'TR-1' }],
    });
    expect(res.json()).toMatchObject({ status: 'received', viaTransit: false });
    expect(await serialAt('TR-1')).toBe(van2.code);
  });

  it('refuses a serial product without its serial, a serial from where it is not, a batch product without batch, and a virtual place', async () => {
    const { warehouse: hq, van1, customer } = fx.locations;
    const post = (lines: object[], to = van1.id) =>
      warehouse.post('/api/inventory/transfers', {
        idempotencyKey: key(),
        fromLocationId: hq.id,
        toLocationId: to,
        lines,
      });
    const noSerial = await post([{ productId: fx.products.charger.id, quantity: 1 }]);
    expect([noSerial.statusCode, noSerial.json().code]).toEqual([422, 'serial_required']);
    const elsewhere = await post([{ productId: fx.products.charger.id, quantity: 1, serialNumber: 'TR-1' }]);
    expect([elsewhere.statusCode, elsewhere.json().code]).toEqual([409, 'serial_not_at_location']);
    const noBatch = await post([{ productId: fx.products.cabinet.id, quantity: 1 }]);
    expect([noBatch.statusCode, noBatch.json().code]).toEqual([422, 'batch_required']);
    const virtual = await post([{ productId: fx.products.cable.id, quantity: 1 }], customer.id);
    expect([virtual.statusCode, virtual.json().code]).toEqual([422, 'not_physical_location']);
    // What the warehouse holds per lot, to choose a batch from: the cabinet part's one batch, all of it free.
    const lots = (
      await warehouse.get(`/api/inventory/lots?locationId=${hq.id}&productId=${fx.products.cabinet.id}`)
    ).json();
    expect(lots).toEqual([
      {
        productId: fx.products.cabinet.id,
        sku: 'MK-GROEP-UITBR',
        tracking: 'batch',
        lot: 'MK-B1',
        onHand: 5,
        available: 5,
      },
    ]);
    const tooMuch = await post([{ productId: fx.products.cable.id, quantity: 500 }]);
    expect([tooMuch.statusCode, tooMuch.json().code]).toEqual([409, 'insufficient_stock']);
    expect(await balance(fx.products.cable.id, hq.id)).toBe(80);
  });
});

describe('van replenishment requests', () => {
  it('a technician asks for their own van; the warehouse fulfils it with a transfer to that van', async () => {
    const tech1 = await t.as('tech1@chargecars.nl');
    const tech2 = await t.as('tech2@chargecars.nl');
    const { cable, cabinet } = fx.products;
    const body = {
      idempotencyKey: key(),
      // A technician cannot ask for another team's van: the body's team is not theirs and is ignored.
      teamId: t.fixtures.team2.id,
      note: 'Kabel bijna op',
      lines: [
        { productId: cable.id, quantity: 30 },
        { productId: cabinet.id, quantity: 2 },
      ],
    };
    const made = await tech1.post('/api/inventory/van-requests', body);
    expect(made.statusCode, made.body).toBe(201);
    const request = made.json() as { id: string; number: string };
    expect(request.number).toMatch(/^AANV-\d{4}-000001$/);
    expect((await tech1.post('/api/inventory/van-requests', body)).json()).toMatchObject({
      id: request.id,
      replayed: true,
    });
    expect((await tech2.get('/api/inventory/van-requests')).json()).toEqual([]);
    const mine = (await tech1.get(`/api/inventory/van-requests?teamId=${t.fixtures.team2.id}`)).json() as {
      id: string;
      van: { code: string };
      status: string;
      lines: { sku: string; quantity: number; onVan: number }[];
    }[];
    expect(mine).toHaveLength(1);
    expect(mine[0]!.van.code).toBe(fx.locations.van1.code);
    expect(mine[0]!.lines).toEqual([
      expect.objectContaining({ sku: 'CC-IK-5X6', quantity: 30, onVan: 20 }),
      expect.objectContaining({ sku: 'MK-GROEP-UITBR', quantity: 2, onVan: 0 }),
    ]);

    expect((await tech1.post('/api/inventory/transfers', { ...body })).statusCode).toBe(403);
    const toWrongVan = await warehouse.post('/api/inventory/transfers', {
      idempotencyKey: key(),
      fromLocationId: fx.locations.warehouse.id,
      toLocationId: fx.locations.van2.id,
      requestId: request.id,
      lines: [{ productId: cable.id, quantity: 30 }],
    });
    expect([toWrongVan.statusCode, toWrongVan.json().code]).toEqual([422, 'not_to_requested_van']);
    const fulfil = {
      fromLocationId: fx.locations.warehouse.id,
      toLocationId: fx.locations.van1.id,
      requestId: request.id,
      lines: [
        { productId: cable.id, quantity: 30 },
        { productId: cabinet.id, quantity: 2, batchCode: 'MK-B1' },
      ],
    };
    const sent = await warehouse.post('/api/inventory/transfers', { idempotencyKey: key(), ...fulfil });
    expect(sent.statusCode, sent.body).toBe(201);
    const twice = await warehouse.post('/api/inventory/transfers', { idempotencyKey: key(), ...fulfil });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'van_request_decided']);
    const [done] = (await tech1.get('/api/inventory/van-requests')).json() as {
      status: string;
      transfer: { number: string };
    }[];
    expect(done).toMatchObject({ status: 'fulfilled', transfer: { number: sent.json().number } });
    const listed = (await warehouse.get('/api/inventory/transfers')).json() as {
      number: string;
      request: { number: string } | null;
    }[];
    expect(listed.find((x) => x.number === sent.json().number)?.request?.number).toBe(request.number);
    expect(await compareStockBalances(t.database.db)).toEqual([]);
  });

  it('ops ask for a named team; the warehouse declines with a reason the team reads, once', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const tech2 = await t.as('tech2@chargecars.nl');
    const without = await ops.post('/api/inventory/van-requests', {
      idempotencyKey: key(),
      lines: [{ productId: fx.products.cable.id, quantity: 10 }],
    });
    expect([without.statusCode, without.json().code]).toEqual([422, 'team_required']);
    const made = (
      await ops.post('/api/inventory/van-requests', {
        idempotencyKey: key(),
        teamId: t.fixtures.team2.id,
        lines: [{ productId: fx.products.cable.id, quantity: 10 }],
      })
    ).json() as { id: string };
    expect((await tech2.post(`/api/inventory/van-requests/${made.id}/decline`, { reason: 'nee' })).statusCode).toBe(
      403,
    );
    const declined = await warehouse.post(`/api/inventory/van-requests/${made.id}/decline`, {
      reason: 'Volgende week op de picklijst',
    });
    expect(declined.json()).toEqual({ status: 'declined' });
    const [seen] = (await tech2.get('/api/inventory/van-requests')).json() as {
      status: string;
      declineReason: string;
    }[];
    expect(seen).toMatchObject({ status: 'declined', declineReason: 'Volgende week op de picklijst' });
    const other = await warehouse.post(`/api/inventory/van-requests/${made.id}/decline`, { reason: 'Toch anders' });
    expect([other.statusCode, other.json().code]).toEqual([409, 'van_request_decided']);
    const open = (await warehouse.get('/api/inventory/van-requests?status=open')).json() as unknown[];
    expect(open).toEqual([]);
  });
});

describe("in the reader's language", () => {
  it('names the products of requests, transfers and the request form in English for a reader of English', async () => {
    const en = { 'accept-language': 'en' };
    const english = new Map(
      (await t.database.execute('select sku, name_en from products where name_en is not null', [])).rows.map((r) => [
        String(r.sku),
        String(r.name_en),
      ]),
    );
    const requests = (await warehouse.get('/api/inventory/van-requests', en)).json() as {
      lines: { sku: string; name: string }[];
    }[];
    const transfers = (await warehouse.get('/api/inventory/transfers', en)).json() as {
      lines: { sku: string; name: string }[];
    }[];
    const products = (await warehouse.get('/api/inventory/van-requests/products', en)).json() as {
      sku: string;
      name: string;
    }[];
    const named = [...requests.flatMap((r) => r.lines), ...transfers.flatMap((r) => r.lines), ...products].filter((p) =>
      english.has(p.sku),
    );
    expect(named.length).toBeGreaterThan(3);
    for (const p of named) expect(p.name, p.sku).toBe(english.get(p.sku));
  });
});
