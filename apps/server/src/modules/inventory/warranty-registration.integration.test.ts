import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import * as s from '../../platform/db/schema.ts';
import { createInventoryService } from './index.ts';
import { httpWarrantyRegistrar } from './warranty-registration.ts';

// A manufacturer's registration service on loopback: it fails the first call for a serial with 503,
// refuses serials starting with BAD for good (422), and answers the rest with a reference.
let server: Server;
let url: string;
const received: {
  serialNumber: string;
  sku: string;
  installedOn: string;
  warrantyUntil: string;
  key: string | undefined;
}[] = [];
const calls = new Map<string, number>();

let t: TestApp;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const unit = JSON.parse(body) as {
        serialNumber: string;
        sku: string;
        installedOn: string;
        warrantyUntil: string;
      };
      const n = (calls.get(unit.serialNumber) ?? 0) + 1;
      calls.set(unit.serialNumber, n);
      if (unit.serialNumber.startsWith('BAD')) {
        res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"unknown serial"}');
        return;
      }
      if (unit.serialNumber.startsWith('DOWN') || n === 1) {
        res.writeHead(503).end();
        return;
      }
      received.push({ ...unit, key: req.headers['idempotency-key'] as string | undefined });
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ reference: `REG-${n}-${unit.serialNumber}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/registrations`;
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  await t.database.db.insert(s.stockSerials).values(
    ['OK-1', 'BAD-1', 'DOWN-1', 'SHELF-1'].map((serialNumber) => ({
      productId: fx.products.charger.id,
      serialNumber,
      locationId: serialNumber === 'SHELF-1' ? fx.locations.warehouse.id : fx.locations.customer.id,
      ...(serialNumber === 'SHELF-1'
        ? {}
        : { installedOn: '2026-11-20', warrantyUntil: '2029-11-20', warrantyRegistration: 'local' }),
    })),
  );
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server.close(resolve));
});

async function registration(serial: string) {
  const rows = await t.database.execute('select warranty_registration r from stock_serials where serial_number = $1', [
    serial,
  ]);
  return rows.rows[0]!.r as string | null;
}

describe('the manufacturer warranty registration', () => {
  it('keeps installations recorded locally when no URL is configured', async () => {
    const offline = createInventoryService({ db: t.database.db });
    expect(await offline.registerWarranties()).toEqual({ registered: 0, failed: 0, retry: 0 });
    expect(await registration('OK-1')).toBe('local');
    expect(offline.workers().schedules.map((x) => x.queue)).not.toContain('inventory.warranty-registration');
  });

  it('registers installed units over HTTP, retrying a failed call, and records a refusal', async () => {
    const inventory = createInventoryService({
      db: t.database.db,
      warrantyRegistrar: httpWarrantyRegistrar({ url, attempts: 3, firstPauseMs: 10 }),
    });
    expect(inventory.workers().schedules.map((x) => x.queue)).toContain('inventory.warranty-registration');
    expect(await inventory.registerWarranties()).toEqual({ registered: 1, failed: 1, retry: 1 });
    expect(await registration('OK-1')).toBe('registered:REG-2-OK-1');
    expect(calls.get('OK-1')).toBe(2);
    expect(await registration('BAD-1')).toMatch(/^failed:HTTP 422/);
    expect(calls.get('BAD-1')).toBe(1);
    // Still unreachable after three attempts: left local, for the next run.
    expect(await registration('DOWN-1')).toBe('local');
    expect(calls.get('DOWN-1')).toBe(3);
    // Not installed: nothing to register.
    expect(calls.has('SHELF-1')).toBe(false);
    expect(received).toEqual([
      {
        serialNumber: 'OK-1',
        sku: fx.products.charger.sku,
        installedOn: '2026-11-20',
        warrantyUntil: '2029-11-20',
        key: `${fx.products.charger.sku}:OK-1`,
      },
    ]);
    // A second run sends only what is still local.
    await inventory.registerWarranties();
    expect(calls.get('OK-1')).toBe(2);
    expect(calls.get('DOWN-1')).toBe(6);
  });

  it('treats an unreachable service as worth another try', async () => {
    const register = httpWarrantyRegistrar({ url: 'http://127.0.0.1:1/registrations', attempts: 2, firstPauseMs: 1 });
    const outcome = await register({ sku: 'X', serialNumber: 'Y', installedOn: '2026-11-20', warrantyUntil: null });
    expect(outcome).toMatchObject({ ok: false, permanent: false });
  });
});
