import { sql } from 'drizzle-orm';
import { rawRows } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import type { Language } from '../platform/sentences/reader-locale.ts';
import { productNameIn } from './product-name.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import {
  purchaseOrderLines,
  purchaseOrders,
  stockBalances,
  stockLocations,
  stockProductSettings,
  stockReplenishmentRules,
} from '../modules/inventory/inventory.schema.ts';

export type ReorderSuggestion = {
  productId: string;
  sku: string;
  name: string;
  locationId: string;
  locationCode: string;
  /** A warehouse (or bin) is replenished by a purchase order, a van or staging by a transfer from the warehouse. */
  locationKind: string;
  /** From an explicit rule, or the product's reorder point at the main warehouse. */
  source: 'rule' | 'reorder_point';
  min: number;
  max: number;
  /** Free at the location and its bins (on hand minus reserved). */
  free: number;
  /** Still to come on open purchase orders to that location. */
  onOrder: number;
  /** Up to the maximum: max - free - onOrder. */
  suggested: number;
  /** Whom we last ordered it from, to prefill the purchase order; null when never ordered. */
  supplierLocationId: string | null;
  supplierName: string | null;
};

/**
 * Min/max replenishment: per rule (product and physical location; for the main warehouse the product's
 * reorder point and quantity when it has no rule) the free stock plus what is on order; at or below the
 * minimum, order up to the maximum. All rules, or only those that call for an order.
 */
export async function reorderSuggestions(
  db: DbOrTx,
  opts: { onlyDue: boolean; language?: Language },
): Promise<ReorderSuggestion[]> {
  const rows = await rawRows<{
    product_id: string;
    sku: string;
    name: string;
    location_id: string;
    location_code: string;
    location_kind: string;
    source: 'rule' | 'reorder_point';
    min: number;
    max: number;
    free: number;
    on_order: number;
    supplier_id: string | null;
    supplier_name: string | null;
  }>(
    db,
    sql`
    with main as (
      select id from ${stockLocations} where kind = 'warehouse' and parent_id is null order by code limit 1
    ), rules as (
      select product_id, location_id, min_quantity min, max_quantity max, 'rule' source from ${stockReplenishmentRules}
      union all
      select ps.product_id, main.id, ps.reorder_point, ps.reorder_point + ps.reorder_quantity, 'reorder_point'
      from ${stockProductSettings} ps cross join main
      where ps.reorder_quantity > 0 and not exists (
        select 1 from ${stockReplenishmentRules} r where r.product_id = ps.product_id and r.location_id = main.id)
    ), levels as (
      select r.*,
        (select coalesce(sum(b.on_hand - b.reserved), 0)::int from ${stockBalances} b
           join ${stockLocations} l on l.id = b.location_id
           where b.product_id = r.product_id and (l.id = r.location_id or l.parent_id = r.location_id)) free,
        (select coalesce(sum(pl.quantity_ordered - pl.quantity_received), 0)::int from ${purchaseOrderLines} pl
           join ${purchaseOrders} po on po.id = pl.purchase_order_id
           where pl.product_id = r.product_id and po.destination_location_id = r.location_id
             and po.status in ('draft', 'sent', 'partly_received')) on_order
      from rules r
    )
    select lv.product_id, p.sku, ${productNameIn(opts.language ?? 'nl')} as name, lv.location_id, l.code location_code, l.kind location_kind, lv.source, lv.min::int, lv.max::int,
           lv.free, lv.on_order, last.supplier_id, last.supplier_name
    from levels lv join ${products} p on p.id = lv.product_id join ${stockLocations} l on l.id = lv.location_id
    left join lateral (
      select po.supplier_location_id supplier_id, s.name supplier_name from ${purchaseOrderLines} pl
      join ${purchaseOrders} po on po.id = pl.purchase_order_id join ${stockLocations} s on s.id = po.supplier_location_id
      where pl.product_id = lv.product_id order by po.created_at desc limit 1
    ) last on true
    ${opts.onlyDue ? sql`where lv.free + lv.on_order <= lv.min` : sql``}
    order by (lv.free + lv.on_order <= lv.min) desc, p.sku, l.code`,
  );
  return rows.map((r) => ({
    productId: r.product_id,
    sku: r.sku,
    name: r.name,
    locationId: r.location_id,
    locationCode: r.location_code,
    locationKind: r.location_kind,
    source: r.source,
    min: Number(r.min),
    max: Number(r.max),
    free: Number(r.free),
    onOrder: Number(r.on_order),
    suggested:
      Number(r.free) + Number(r.on_order) <= Number(r.min) ? Number(r.max) - Number(r.free) - Number(r.on_order) : 0,
    supplierLocationId: r.supplier_id,
    supplierName: r.supplier_name,
  }));
}
