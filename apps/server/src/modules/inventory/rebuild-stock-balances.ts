import { sql } from 'drizzle-orm';
import { rawRows } from '../../platform/db/raw-rows.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { stockBalances, stockMoves, stockReservations } from './inventory.schema.ts';

export type BalanceDifference = {
  productId: string;
  locationId: string;
  lot: string;
  kept: { onHand: number; reserved: number };
  fromLedger: { onHand: number; reserved: number };
};

/**
 * On hand as the ledger says it is (everything moved in minus everything moved out, per product,
 * location and lot) and reserved as the active reservations say, against the kept balances. Rows that
 * are zero on both sides do not count.
 */
export async function compareStockBalances(db: DbOrTx): Promise<BalanceDifference[]> {
  const result = await rawRows<{
    product_id: string;
    location_id: string;
    lot: string;
    kept_on_hand: number;
    kept_reserved: number;
    ledger_on_hand: number;
    ledger_reserved: number;
  }>(
    db,
    sql`
    with ledger as (
      select product_id, location_id, lot, sum(q)::int on_hand from (
        select product_id, to_location_id location_id, coalesce(serial_number, batch_code, '') lot, quantity q from ${stockMoves}
        union all
        select product_id, from_location_id, coalesce(serial_number, batch_code, ''), -quantity from ${stockMoves}
      ) m group by 1, 2, 3
    ), held as (
      select product_id, location_id, lot, sum(quantity)::int reserved from ${stockReservations}
      where status = 'active' group by 1, 2, 3
    ), derived as (
      select coalesce(l.product_id, h.product_id) product_id, coalesce(l.location_id, h.location_id) location_id,
             coalesce(l.lot, h.lot) lot, coalesce(l.on_hand, 0) on_hand, coalesce(h.reserved, 0) reserved
      from ledger l full join held h using (product_id, location_id, lot)
    )
    select coalesce(b.product_id, d.product_id) product_id, coalesce(b.location_id, d.location_id) location_id,
           coalesce(b.lot, d.lot) lot, coalesce(b.on_hand, 0) kept_on_hand, coalesce(b.reserved, 0) kept_reserved,
           coalesce(d.on_hand, 0) ledger_on_hand, coalesce(d.reserved, 0) ledger_reserved
    from ${stockBalances} b full join derived d using (product_id, location_id, lot)
    where coalesce(b.on_hand, 0) <> coalesce(d.on_hand, 0) or coalesce(b.reserved, 0) <> coalesce(d.reserved, 0)
    order by 1, 2, 3`,
  );
  return result.map((r) => ({
    productId: r.product_id,
    locationId: r.location_id,
    lot: r.lot,
    kept: { onHand: r.kept_on_hand, reserved: r.kept_reserved },
    fromLedger: { onHand: r.ledger_on_hand, reserved: r.ledger_reserved },
  }));
}

/**
 * Recomputes every balance from the ledger and the active reservations, under an exclusive lock so no
 * posting runs meanwhile, and returns what differed before.
 */
export async function rebuildStockBalances(database: Pick<Database, 'db'>): Promise<BalanceDifference[]> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${stockBalances} in exclusive mode`);
    const differences = await compareStockBalances(tx);
    if (!differences.length) return differences;
    await tx.delete(stockBalances);
    await tx.execute(sql`
      insert into ${stockBalances} (product_id, location_id, lot, on_hand, reserved)
      select product_id, location_id, lot, sum(on_hand)::int, sum(reserved)::int from (
        select product_id, to_location_id location_id, coalesce(serial_number, batch_code, '') lot, quantity on_hand, 0 reserved from ${stockMoves}
        union all
        select product_id, from_location_id, coalesce(serial_number, batch_code, ''), -quantity, 0 from ${stockMoves}
        union all
        select product_id, location_id, lot, 0, quantity from ${stockReservations} where status = 'active'
      ) x group by 1, 2, 3
      having sum(on_hand) <> 0 or sum(reserved) <> 0`);
    return differences;
  });
}
