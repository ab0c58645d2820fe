import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addVisits, loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { compareStockBalances, createInventoryService, rebuildStockBalances, type InventoryService } from './index.ts';
import { addMonths } from './post-stock-moves.ts';

let t: TestApp;
let inv: InventoryService;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
let actor: Actor;
let n = 0;
const key = () => `test-key-${++n}-${Date.now()}`;

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, code: err.code };
    throw err;
  }
  throw new Error('expected a refusal');
}

async function onHand(productId: string, locationId: string) {
  const rows = await t.database.execute(
    'select coalesce(sum(on_hand), 0)::int n, coalesce(sum(reserved), 0)::int r from stock_balances where product_id = $1 and location_id = $2',
    [productId, locationId],
  );
  return { onHand: rows.rows[0]!.n as number, reserved: rows.rows[0]!.r as number };
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  inv = createInventoryService({ db: t.database.db });
  const ops = t.fixtures.users['ops@chargecars.nl']!;
  actor = { userId: ops.id, role: 'operations', name: ops.name, partnerId: null, teamId: null, customerId: null };
});
afterAll(() => t?.close());

describe('the stock ledger', () => {
  it('follows a serialised charger from the supplier to the wall, with its warranty and order', async () => {
    const { charger, cable } = fx.products;
    const L = fx.locations;
    await inv.post(actor, {
      idempotencyKey: key(),
      documentType: 'purchase_receipt',
      documentRef: 'PAKBON-1',
      moves: [
        {
          productId: charger.id,
          quantity: 1,
          serialNumber: 'ZAP-0001',
          fromLocationId: L.supplier.id,
          toLocationId: L.warehouse.id,
        },
        {
          productId: charger.id,
          quantity: 1,
          serialNumber: 'ZAP-0002',
          fromLocationId: L.supplier.id,
          toLocationId: L.binA.id,
        },
        { productId: cable.id, quantity: 40, fromLocationId: L.supplier.id, toLocationId: L.warehouse.id },
      ],
    });
    const hops = [
      ['transfer', L.warehouse.id, L.transit.id],
      ['transfer', L.transit.id, L.staging.id],
      ['load', L.staging.id, L.van1.id],
    ] as const;
    for (const [documentType, from, to] of hops)
      await inv.post(actor, {
        idempotencyKey: key(),
        documentType,
        documentRef: 'OVB-1',
        moves: [
          { productId: charger.id, quantity: 1, serialNumber: 'ZAP-0001', fromLocationId: from, toLocationId: to },
        ],
      });
    await inv.post(actor, {
      idempotencyKey: key(),
      documentType: 'installation',
      documentRef: t.fixtures.v1.number,
      visitId: t.fixtures.v1.id,
      moves: [
        {
          productId: charger.id,
          quantity: 1,
          serialNumber: 'ZAP-0001',
          fromLocationId: L.van1.id,
          toLocationId: L.customer.id,
        },
      ],
    });

    const [unit] = await inv.lookUpSerial('ZAP-0001');
    expect(unit!.location.code).toBe('KLANTEN');
    expect(unit!.hops.map((h) => `${h.documentType}:${h.from.code}>${h.to.code}`)).toEqual([
      'purchase_receipt:LEV-ZAPTEC>MAG-NKK',
      'transfer:MAG-NKK>ONDERWEG',
      'transfer:ONDERWEG>STAGING-MIDDEN',
      'load:STAGING-MIDDEN>BUS-T1',
      'installation:BUS-T1>KLANTEN',
    ]);
    expect(unit!.order?.number).toBe(t.fixtures.o1.number);
    expect(unit!.customer?.name).toBe(t.fixtures.c1.name);
    expect(unit!.installedOn).not.toBeNull();
    expect(unit!.warrantyUntil).toBe(addMonths(unit!.installedOn!, 36));
    expect(await onHand(charger.id, L.van1.id)).toEqual({ onHand: 0, reserved: 0 });
    expect(await onHand(cable.id, L.warehouse.id)).toEqual({ onHand: 40, reserved: 0 });
    expect(await compareStockBalances(t.database.db)).toEqual([]);
  });

  it('adds months the way a calendar does', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-29', 24)).toBe('2028-11-29');
  });

  it('refuses bad postings with a clear code and leaves the ledger as it was', async () => {
    const { charger, cable } = fx.products;
    const L = fx.locations;
    const movesBefore = await t.database.execute('select count(*)::int n from stock_moves');
    const receipt = (serial: string | null, quantity = 1) =>
      inv.post(actor, {
        idempotencyKey: key(),
        documentType: 'purchase_receipt',
        documentRef: 'PAKBON-2',
        moves: [
          {
            productId: charger.id,
            quantity,
            serialNumber: serial,
            fromLocationId: L.supplier.id,
            toLocationId: L.warehouse.id,
          },
        ],
      });
    expect(await refusal(receipt('ZAP-0002'))).toEqual({ status: 409, code: 'serial_already_received' });
    expect(await refusal(receipt(null))).toEqual({ status: 422, code: 'serial_required' });
    expect(await refusal(receipt('ZAP-0999', 2))).toEqual({ status: 422, code: 'serial_quantity_one' });
    expect(await refusal(receipt('ZAP-0998', 0))).toEqual({ status: 422, code: 'wrong_document' });
    expect(await refusal(receipt('ZAP-0997', -1))).toEqual({ status: 422, code: 'wrong_document' });
    // ZAP-0002 lies in bin A, not in the warehouse's own location.
    expect(
      await refusal(
        inv.post(actor, {
          idempotencyKey: key(),
          documentType: 'transfer',
          documentRef: 'OVB-2',
          moves: [
            {
              productId: charger.id,
              quantity: 1,
              serialNumber: 'ZAP-0002',
              fromLocationId: L.warehouse.id,
              toLocationId: L.staging.id,
            },
          ],
        }),
      ),
    ).toEqual({ status: 409, code: 'serial_not_at_location' });
    // ZAP-0001 is on a customer's wall already.
    expect(
      await refusal(
        inv.post(actor, {
          idempotencyKey: key(),
          documentType: 'installation',
          documentRef: 'BZ-2',
          visitId: t.fixtures.v2.id,
          moves: [
            {
              productId: charger.id,
              quantity: 1,
              serialNumber: 'ZAP-0001',
              fromLocationId: L.van1.id,
              toLocationId: L.customer.id,
            },
          ],
        }),
      ),
    ).toEqual({ status: 409, code: 'serial_already_installed' });
    // ZAP-0002 never left the warehouse, so it cannot come back from a customer.
    expect(
      await refusal(
        inv.post(actor, {
          idempotencyKey: key(),
          documentType: 'return',
          documentRef: 'RET-1',
          moves: [
            {
              productId: charger.id,
              quantity: 1,
              serialNumber: 'ZAP-0002',
              fromLocationId: L.customer.id,
              toLocationId: L.returns.id,
            },
          ],
        }),
      ),
    ).toEqual({ status: 409, code: 'serial_not_installed' });
    // More cable than the warehouse holds.
    expect(
      await refusal(
        inv.post(actor, {
          idempotencyKey: key(),
          documentType: 'transfer',
          documentRef: 'OVB-3',
          moves: [{ productId: cable.id, quantity: 41, fromLocationId: L.warehouse.id, toLocationId: L.van1.id }],
        }),
      ),
    ).toEqual({ status: 409, code: 'insufficient_stock' });
    // A batch-tracked part without its batch code.
    expect(
      await refusal(
        inv.post(actor, {
          idempotencyKey: key(),
          documentType: 'purchase_receipt',
          documentRef: 'PAKBON-3',
          moves: [
            {
              productId: fx.products.cabinet.id,
              quantity: 3,
              fromLocationId: L.supplier.id,
              toLocationId: L.warehouse.id,
            },
          ],
        }),
      ),
    ).toEqual({ status: 422, code: 'batch_required' });
    expect(await t.database.execute('select count(*)::int n from stock_moves')).toEqual(movesBefore);
    expect(await compareStockBalances(t.database.db)).toEqual([]);
  });

  it('lets a return bring an installed charger back', async () => {
    const L = fx.locations;
    await inv.post(actor, {
      idempotencyKey: key(),
      documentType: 'return',
      documentRef: 'RET-2',
      moves: [
        {
          productId: fx.products.charger.id,
          quantity: 1,
          serialNumber: 'ZAP-0001',
          fromLocationId: L.customer.id,
          toLocationId: L.returns.id,
        },
      ],
    });
    const [unit] = await inv.lookUpSerial('ZAP-0001');
    expect(unit!.location.code).toBe('RETOUR');
    expect(unit!.hops.at(-1)!.documentType).toBe('return');
  });

  it('posts a repeated key once, and refuses the key for a different posting', async () => {
    const L = fx.locations;
    const posting = {
      idempotencyKey: key(),
      documentType: 'count_adjustment' as const,
      documentRef: 'TEL-1',
      moves: [
        { productId: fx.products.cable.id, quantity: 2, fromLocationId: L.warehouse.id, toLocationId: L.loss.id },
      ],
    };
    const first = await inv.post(actor, posting);
    const again = await inv.post(actor, posting);
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ postingId: first.postingId, replayed: true, warnings: [] });
    expect(await onHand(fx.products.cable.id, L.warehouse.id)).toEqual({ onHand: 38, reserved: 0 });
    const changed = { ...posting, moves: [{ ...posting.moves[0]!, quantity: 3 }] };
    expect(await refusal(inv.post(actor, changed))).toEqual({ status: 409, code: 'idempotency_key_reused' });
    // Ten retries at once still post once.
    const raced = { ...posting, idempotencyKey: key() };
    const results = await Promise.all(Array.from({ length: 10 }, () => inv.post(actor, raced)));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await onHand(fx.products.cable.id, L.warehouse.id)).toEqual({ onHand: 36, reserved: 0 });
  });

  it('lets bulk stock on a van go negative with a warning, never a serial', async () => {
    const L = fx.locations;
    const used = await inv.post(actor, {
      idempotencyKey: key(),
      documentType: 'installation',
      documentRef: t.fixtures.v1.number,
      visitId: t.fixtures.v1.id,
      moves: [{ productId: fx.products.cable.id, quantity: 3, fromLocationId: L.van1.id, toLocationId: L.customer.id }],
    });
    expect(used.warnings).toEqual([expect.stringContaining('negatief (-3)')]);
    expect(await onHand(fx.products.cable.id, L.van1.id)).toEqual({ onHand: -3, reserved: 0 });
    expect(
      await refusal(
        inv.post(actor, {
          idempotencyKey: key(),
          documentType: 'transfer',
          documentRef: 'OVB-4',
          moves: [
            { productId: fx.products.cable.id, quantity: 1, fromLocationId: L.staging.id, toLocationId: L.van1.id },
          ],
        }),
      ),
    ).toEqual({ status: 409, code: 'insufficient_stock' });
  });

  it('rebuilds the balances from the ledger and finds a balance that was tampered with', async () => {
    await t.database.execute(
      'update stock_balances set on_hand = on_hand + 5 where product_id = $1 and location_id = $2',
      [fx.products.cable.id, fx.locations.warehouse.id],
    );
    const differences = await compareStockBalances(t.database.db);
    expect(differences).toEqual([
      expect.objectContaining({ lot: '', kept: { onHand: 41, reserved: 0 }, fromLedger: { onHand: 36, reserved: 0 } }),
    ]);
    expect(await rebuildStockBalances(t.database)).toHaveLength(1);
    expect(await compareStockBalances(t.database.db)).toEqual([]);
    expect(await onHand(fx.products.cable.id, fx.locations.warehouse.id)).toEqual({ onHand: 36, reserved: 0 });
  });

  it('keeps the ledger immutable', async () => {
    await expect(t.database.execute('update stock_moves set quantity = 99')).rejects.toThrow(/onveranderlijk/);
    await expect(t.database.execute('delete from stock_moves')).rejects.toThrow(/onveranderlijk/);
  });
});

describe('reservations', () => {
  it('gives the last 10 units to exactly 10 of 50 concurrent visits', async () => {
    const L = fx.locations;
    const { cable } = fx.products;
    const visits = await addVisits(t.database, t.fixtures, 50);
    const before = await onHand(cable.id, L.warehouse.id);
    // Leave exactly 10 free: reserve the rest for one visit first.
    await inv.reserve(actor, {
      visitId: t.fixtures.v1.id,
      lines: [{ productId: cable.id, quantity: before.onHand - 10 }],
    });
    const results = await Promise.allSettled(
      visits.map((visitId) => inv.reserve(actor, { visitId, lines: [{ productId: cable.id, quantity: 1 }] })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(40);
    for (const r of lost) expect(r.reason).toMatchObject({ status: 409, code: 'insufficient_stock' });
    expect(await onHand(cable.id, L.warehouse.id)).toEqual({ onHand: before.onHand, reserved: before.onHand });
    const negative = await t.database.execute(
      "select count(*)::int n from stock_balances b join stock_locations l on l.id = b.location_id where l.kind in ('warehouse', 'bin', 'staging') and (b.on_hand < 0 or b.reserved > b.on_hand)",
    );
    expect(negative.rows[0]).toEqual({ n: 0 });
    expect(await compareStockBalances(t.database.db)).toEqual([]);

    // Asking again for what a visit holds reserves nothing more; releasing frees it; a pick consumes it.
    expect(
      await inv.reserve(actor, {
        visitId: t.fixtures.v1.id,
        lines: [{ productId: cable.id, quantity: before.onHand - 10 }],
      }),
    ).toEqual([{ productId: cable.id, reserved: before.onHand - 10 }]);
    const winner = visits[results.findIndex((r) => r.status === 'fulfilled')]!;
    expect(await inv.release(actor, winner)).toEqual({ released: 1 });
    expect(await inv.release(actor, winner)).toEqual({ released: 0 });
    await inv.post(actor, {
      idempotencyKey: key(),
      documentType: 'pick',
      documentRef: 'PICK-1',
      visitId: t.fixtures.v1.id,
      moves: [
        {
          productId: cable.id,
          quantity: before.onHand - 10,
          fromLocationId: L.warehouse.id,
          toLocationId: L.staging.id,
        },
      ],
    });
    expect(await onHand(cable.id, L.warehouse.id)).toEqual({ onHand: 10, reserved: 9 });
    expect(await compareStockBalances(t.database.db)).toEqual([]);
  });
});
