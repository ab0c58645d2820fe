import { eq, type SQL, sql } from 'drizzle-orm';
import { rawRows, uuidList } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { productKitItems, products } from '../modules/catalog/catalog.schema.ts';
import { orderLines, orders } from '../modules/orders/orders.schema.ts';
import { visits } from '../modules/planning/planning.schema.ts';
import { stockReservations } from '../modules/inventory/inventory.schema.ts';

export type VisitMaterial = { productId: string; quantity: number };

/**
 * What each visit takes from stock: the materials of its order's lines, installation kits expanded into
 * their components, labour (category installation_service, or sold by the hour) left out, a part-metre
 * of cable rounded up to whole units. An order's materials go with one visit: its first visit that is not
 * a survey and not cancelled (a survey takes nothing; a second visit does not take the charger twice).
 * A visit of a cancelled order, or one not in the list, needs nothing.
 */
export async function visitMaterials(db: DbOrTx, visitIds: string[]): Promise<Map<string, VisitMaterial[]>> {
  const result = new Map<string, VisitMaterial[]>(visitIds.map((id) => [id, []]));
  if (!visitIds.length) return result;
  const rows = await rawRows<{ visit_id: string; product_id: string; quantity: number }>(
    db,
    sql`${materialsOf(
      sql`v.id in (${uuidList(visitIds)})`,
    )} select visit_id, product_id, quantity from materials order by 1, 2`,
  );
  for (const r of rows) result.get(r.visit_id)!.push({ productId: r.product_id, quantity: Number(r.quantity) });
  return result;
}

/** The materials of the visits `filter` selects (alias v), as `visitMaterials`; a visit needing nothing is absent. */
export async function visitMaterialsWhere(db: DbOrTx, filter: SQL): Promise<Map<string, VisitMaterial[]>> {
  const rows = await rawRows<{ visit_id: string; product_id: string; quantity: number }>(
    db,
    sql`${materialsOf(filter)} select visit_id, product_id, quantity from materials order by 1, 2`,
  );
  const result = new Map<string, VisitMaterial[]>();
  for (const r of rows) {
    const list = result.get(r.visit_id) ?? [];
    list.push({ productId: r.product_id, quantity: Number(r.quantity) });
    result.set(r.visit_id, list);
  }
  return result;
}

/** Visits that hold stock: planned or under way, of an order that is not cancelled. */
export const HOLDING_VISIT_STATUSES = ['scheduled', 'in_progress'] as const;

/**
 * Visits whose reservations are out of step with planning, at most `limit`: a visit that should hold
 * stock (planned, from `from` on) and holds less than its materials, or one that holds stock and should
 * not (unplanned, cancelled, done, or of a cancelled order). The reservation sweep reconciles them.
 */
export async function visitsOutOfStep(db: DbOrTx, opts: { from: string; limit: number }): Promise<string[]> {
  const rows = await rawRows<{ visit_id: string }>(
    db,
    sql`${materialsOf(sql`v.status in ('scheduled', 'in_progress') and v.scheduled_date >= ${opts.from}`)},
    held as (
      select visit_id, product_id, sum(quantity)::int quantity from ${stockReservations}
      where status in ('active', 'consumed') group by 1, 2
    )
    select distinct m.visit_id from materials m
    left join held h on h.visit_id = m.visit_id and h.product_id = m.product_id
    where coalesce(h.quantity, 0) <> m.quantity
    union
    select distinct r.visit_id from ${stockReservations} r join ${visits} v on v.id = r.visit_id
    join ${orders} o on o.id = v.order_id
    where r.status = 'active' and (v.status not in ('scheduled', 'in_progress') or o.stage = 'cancelled')
    limit ${opts.limit}`,
  );
  return rows.map((r) => r.visit_id);
}

/** The visits of an order, for reconciling them all when the order changes stage. */
export async function orderVisitIds(db: DbOrTx, orderId: string): Promise<string[]> {
  const rows = await db.select({ id: visits.id }).from(visits).where(eq(visits.orderId, orderId));
  return rows.map((r) => r.id);
}

/** `with asked, carrier, wanted, materials as (...)`: the materials of the visits `filter` selects (alias v). */
function materialsOf(filter: SQL) {
  return sql`
    with asked as (
      select v.id, v.order_id from ${visits} v where ${filter}
    ), carrier as (
      select distinct on (v.order_id) v.order_id, v.id visit_id from ${visits} v
      join ${orders} o on o.id = v.order_id
      where v.order_id in (select order_id from asked) and v.type <> 'survey' and v.status <> 'cancelled'
        and o.stage <> 'cancelled'
      order by v.order_id, v.created_at, v.number
    ), wanted as (
      select ol.order_id, coalesce(ki.product_id, ol.product_id) product_id,
             ol.quantity * coalesce(ki.quantity, 1) quantity
      from ${orderLines} ol left join ${productKitItems} ki on ki.kit_id = ol.kit_id
      where ol.order_id in (select order_id from carrier)
    ), materials as (
      select c.visit_id, w.product_id, ceil(sum(w.quantity))::int quantity
      from carrier c join wanted w on w.order_id = c.order_id
      join ${products} p on p.id = w.product_id
      where c.visit_id in (select id from asked) and p.category_code <> 'installation_service' and p.unit <> 'hour'
      group by 1, 2 having sum(w.quantity) > 0
    )`;
}
