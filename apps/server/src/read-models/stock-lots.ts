import { sql } from 'drizzle-orm';
import { rawRows } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import { stockBalances, stockProductSettings, type Tracking } from '../modules/inventory/inventory.schema.ts';

/**
 * What one place holds per product and lot, with what is free of it (on hand less reserved), lots with
 * something on hand only; by SKU, then lot (batch codes carry their receipt month, so oldest first).
 */
export async function lotsAt(db: DbOrTx, q: { locationId: string; productId?: string | undefined }) {
  const rows = await rawRows<{
    product_id: string;
    sku: string;
    tracking: Tracking;
    lot: string;
    on_hand: number;
    reserved: number;
  }>(
    db,
    sql`select b.product_id, p.sku, coalesce(s.tracking, case when p.serialised then 'serial' else 'none' end) tracking,
               b.lot, b.on_hand, b.reserved
        from ${stockBalances} b join ${products} p on p.id = b.product_id
        left join ${stockProductSettings} s on s.product_id = b.product_id
        where b.location_id = ${q.locationId} and b.on_hand > 0
          ${q.productId ? sql`and b.product_id = ${q.productId}` : sql``}
        order by p.sku, b.lot limit 2000`,
  );
  return rows.map((r) => ({
    productId: r.product_id,
    sku: r.sku,
    tracking: r.tracking,
    lot: r.lot,
    onHand: Number(r.on_hand),
    available: Number(r.on_hand) - Number(r.reserved),
  }));
}
