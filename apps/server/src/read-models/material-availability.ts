import { sql, type SQL } from 'drizzle-orm';
import { rawRows, uuidList } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { productKitItems, products } from '../modules/catalog/catalog.schema.ts';
import { orderLines, orders } from '../modules/orders/orders.schema.ts';
import { teams, visits } from '../modules/planning/planning.schema.ts';
import {
  purchaseOrderLines,
  purchaseOrders,
  stockBalances,
  stockLocations,
  stockReservations,
} from '../modules/inventory/inventory.schema.ts';
import { HOLDING_VISIT_STATUSES, visitMaterials, type VisitMaterial } from './visit-materials.ts';

/** One needed product of a visit or order, against the warehouse on a date. */
export type MaterialLine = {
  productId: string;
  sku: string;
  name: string;
  /** What the visit or order takes of it (kits expanded, labour left out). */
  needed: number;
  /** Already held for this visit: reserved at the warehouse, or picked (staging or van). */
  held: number;
  /** On hand at the warehouse and its bins now. */
  onHand: number;
  /** Reserved there for other visits. */
  reservedForOthers: number;
  /** Still to come on open purchase orders (sent or partly received) expected before the date. */
  expected: number;
  /** onHand - reservedForOthers + expected: what this visit can count on by the date. */
  available: number;
  /** needed - held beyond what is available (0 when it is covered). */
  shortBy: number;
};

export type MaterialAvailability = { date: string; visitId: string | null; short: boolean; lines: MaterialLine[] };

/**
 * The planning module's material check: for a visit (its order's materials, if it is the visit that
 * carries them) or an order (all its materials), and a date, per needed product: on hand at the warehouse
 * minus what other visits reserved there plus expected receipts before that date, and whether it is short.
 *
 * @example
 * const check = await materialAvailability(db, { visitId, date: '2026-12-03' });
 * if (check.short) warn(check.lines.filter((l) => l.shortBy > 0));
 */
export async function materialAvailability(
  db: DbOrTx,
  ask: { visitId: string; date: string } | { orderId: string; date: string },
): Promise<MaterialAvailability> {
  const visitId = 'visitId' in ask ? ask.visitId : null;
  const needed = visitId
    ? ((await visitMaterials(db, [visitId])).get(visitId) ?? [])
    : await orderMaterials(db, (ask as { orderId: string }).orderId);
  const ids = needed.map((n) => n.productId);
  if (!ids.length) return { date: ask.date, visitId, short: false, lines: [] };
  const supply = await warehouseSupply(db, ids, ask.date, visitId);
  const lines = needed.map((n) => {
    const s = supply.get(n.productId)!;
    const available = s.onHand - s.reservedForOthers + s.expected;
    // The visit's own reserved units are in both `held` and `available`; count them once.
    const shortBy = Math.max(0, n.quantity - s.held - Math.max(0, available - s.heldHere));
    return {
      productId: n.productId,
      sku: s.sku,
      name: s.name,
      needed: n.quantity,
      held: s.held,
      onHand: s.onHand,
      reservedForOthers: s.reservedForOthers,
      expected: s.expected,
      available,
      shortBy,
    };
  });
  return { date: ask.date, visitId, short: lines.some((l) => l.shortBy > 0), lines };
}

/** What a planned visit will lack of one product, as the hand-out finds it. */
export type StockShortage = {
  visitId: string;
  visitNumber: string;
  date: string;
  teamId: string | null;
  productId: string;
  sku: string;
  name: string;
  /** What the visit still lacks of the product once earlier visits and receipts are counted. */
  shortBy: number;
};

/** A shortage with what ops need to act on it: the visit's block, team and order. */
export type StockOutWarning = StockShortage & {
  block: string | null;
  teamName: string | null;
  orderId: string;
  orderNumber: string;
};

/**
 * Planned visits from `from` to `to` (inclusive) that will lack a part: each product's free stock at the
 * warehouse, plus each open purchase order as it is expected, is handed to the visits in date order
 * (morning before afternoon); what a visit still misses of what it does not already hold is a warning.
 */
export async function stockOutWarnings(
  db: DbOrTx,
  opts: { from: string; to: string; teamId?: string | undefined },
): Promise<StockOutWarning[]> {
  const planned = await rawRows<{
    id: string;
    number: string;
    date: string;
    block: string | null;
    team_id: string | null;
    team_name: string | null;
    order_id: string;
    order_number: string;
  }>(
    db,
    sql`select v.id, v.number, v.scheduled_date::text date, v.block, v.team_id, t.name team_name,
               v.order_id, o.number order_number
        from ${visits} v join ${orders} o on o.id = v.order_id left join ${teams} t on t.id = v.team_id
        where v.status in (${sql.join(
          HOLDING_VISIT_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )}) and v.scheduled_date between ${opts.from} and ${opts.to}
        ${opts.teamId ? sql`and v.team_id = ${opts.teamId}` : sql``}
        order by v.scheduled_date, v.block desc, v.number collate "C"`,
  );
  if (!planned.length) return [];
  const ids = planned.map((v) => v.id);
  const materials = await visitMaterials(db, ids);
  const productIds = [...new Set([...materials.values()].flat().map((m) => m.productId))];
  if (!productIds.length) return [];
  const shortages = handOutStock(
    planned.map((v) => ({ id: v.id, number: v.number, date: v.date, teamId: v.team_id })),
    materials,
    await heldByVisits(db, ids),
    await freeAtWarehouse(db, productIds),
    await openReceipts(db, productIds, opts.to),
  );
  const byId = new Map(planned.map((v) => [v.id, v]));
  return shortages.map((w) => {
    const v = byId.get(w.visitId)!;
    return { ...w, block: v.block, teamName: v.team_name, orderId: v.order_id, orderNumber: v.order_number };
  });
}

/** A product's free stock at the warehouse and its bins (never below 0), with its SKU and name. */
export type WarehouseStock = { sku: string; name: string; free: number };
/** Still to come of a product on a day, on open purchase orders (sent or partly received). */
export type ExpectedReceipt = { productId: string; expectedOn: string; open: number };
/** Units held per visit and product: active reservations and picked units. */
export type HeldUnits = Map<string, Map<string, number>>;

/**
 * The hand-out behind `stockOutWarnings`, without reads: `planned` in date order (morning first), the
 * receipts of the needed products expected by the last day, earliest first. Pure, so that the planning
 * memory answers exactly what the database does.
 */
export function handOutStock(
  planned: { id: string; number: string; date: string; teamId: string | null }[],
  materials: Map<string, VisitMaterial[]>,
  held: HeldUnits,
  free: Map<string, WarehouseStock>,
  receipts: ExpectedReceipt[],
): StockShortage[] {
  const warnings: StockShortage[] = [];
  const pool = new Map([...free].map(([id, p]) => [id, p.free]));
  let next = 0;
  for (const v of planned) {
    // A delivery counts for visits after the day it is expected, not on the day itself.
    while (next < receipts.length && receipts[next]!.expectedOn < v.date) {
      const r = receipts[next++]!;
      pool.set(r.productId, (pool.get(r.productId) ?? 0) + r.open);
    }
    for (const m of materials.get(v.id) ?? []) {
      const missing = m.quantity - (held.get(v.id)?.get(m.productId) ?? 0);
      if (missing <= 0) continue;
      const have = pool.get(m.productId) ?? 0;
      pool.set(m.productId, Math.max(0, have - missing));
      if (have >= missing) continue;
      const p = free.get(m.productId);
      warnings.push({
        visitId: v.id,
        visitNumber: v.number,
        date: v.date,
        teamId: v.teamId,
        productId: m.productId,
        sku: p?.sku ?? '',
        name: p?.name ?? '',
        shortBy: missing - have,
      });
    }
  }
  return warnings;
}

/**
 * What each visit lacks (names of the short parts), for the planning board's cards: a planned visit from
 * `stockOutWarnings` over the board's days (earlier visits served first, receipts as expected); a visit in
 * the queue holds nothing yet, so it waits for materials when the warehouse's free stock now does not
 * cover a part. Queued visits are judged each on its own: they compete for the same stock only once planned.
 */
export async function materialShortages(
  db: DbOrTx,
  opts: { from: string; to: string; queued: string[] },
): Promise<Map<string, string[]>> {
  const warnings = await stockOutWarnings(db, { from: opts.from, to: opts.to });
  const queued = await visitMaterials(db, opts.queued);
  const productIds = [...new Set([...queued.values()].flat().map((m) => m.productId))];
  return shortagesByVisit(warnings, queued, productIds.length ? await freeAtWarehouse(db, productIds) : new Map());
}

/**
 * The short products per visit (ids: the reader's language names them): the planned visits' warnings,
 * then each queued visit against free stock now.
 */
export function shortagesByVisit(
  warnings: StockShortage[],
  queued: Map<string, VisitMaterial[]>,
  free: Map<string, WarehouseStock>,
): Map<string, string[]> {
  const short = new Map<string, string[]>();
  const add = (visitId: string, productId: string) => short.set(visitId, [...(short.get(visitId) ?? []), productId]);
  for (const w of warnings) add(w.visitId, w.productId);
  for (const [visitId, needed] of queued)
    for (const m of needed) if ((free.get(m.productId)?.free ?? 0) < m.quantity) add(visitId, m.productId);
  return short;
}

/** Units the visits hold, per product: active reservations and picked (consumed) ones; `visits` as ids or a filter (alias v). */
export async function heldByVisits(db: DbOrTx, which: string[] | SQL): Promise<HeldUnits> {
  const held: HeldUnits = new Map();
  if (Array.isArray(which) && !which.length) return held;
  const rows = await rawRows<{ visit_id: string; product_id: string; n: number }>(
    db,
    sql`select r.visit_id, r.product_id, sum(r.quantity)::int n from ${stockReservations} r
        join ${visits} v on v.id = r.visit_id
        where r.status in ('active', 'consumed') and ${Array.isArray(which) ? sql`v.id in (${uuidList(which)})` : which}
        group by 1, 2`,
  );
  for (const r of rows) {
    const of = held.get(r.visit_id) ?? new Map<string, number>();
    of.set(r.product_id, Number(r.n));
    held.set(r.visit_id, of);
  }
  return held;
}

/** An order's materials, whichever visit carries them (for an order not yet given a visit). */
async function orderMaterials(db: DbOrTx, orderId: string): Promise<VisitMaterial[]> {
  const rows = await rawRows<{ product_id: string; quantity: number }>(
    db,
    sql`select coalesce(ki.product_id, ol.product_id) product_id,
               ceil(sum(ol.quantity * coalesce(ki.quantity, 1)))::int quantity
        from ${orderLines} ol left join ${productKitItems} ki on ki.kit_id = ol.kit_id
        join ${products} p on p.id = coalesce(ki.product_id, ol.product_id)
        where ol.order_id = ${orderId} and p.category_code <> 'installation_service' and p.unit <> 'hour'
        group by 1 having sum(ol.quantity * coalesce(ki.quantity, 1)) > 0 order by 1`,
  );
  return rows.map((r) => ({ productId: r.product_id, quantity: Number(r.quantity) }));
}

const WAREHOUSE = sql`('warehouse', 'bin')`;

/** Free stock at the warehouse and its bins of the products named (of every product without a list). */
export async function freeAtWarehouse(db: DbOrTx, productIds?: string[]): Promise<Map<string, WarehouseStock>> {
  const rows = await rawRows<{ id: string; sku: string; name: string; free: number }>(
    db,
    sql`select p.id, p.sku, p.name, coalesce(sum(b.on_hand - b.reserved), 0)::int free from ${products} p
        left join (${stockBalances} b join ${stockLocations} l on l.id = b.location_id and l.kind in ${WAREHOUSE})
          on b.product_id = p.id
        ${productIds ? sql`where p.id in (${uuidList(productIds)})` : sql``}
        group by 1, 2, 3`,
  );
  return new Map(rows.map((r) => [r.id, { sku: r.sku, name: r.name, free: Math.max(0, Number(r.free)) }]));
}

/**
 * What open purchase orders still bring of the products (of every product without a list), expected on
 * or before `until` (on any day without it), earliest first.
 */
export async function openReceipts(db: DbOrTx, productIds?: string[], until?: string): Promise<ExpectedReceipt[]> {
  const rows = await rawRows<{ product_id: string; expected_on: string; open: number }>(
    db,
    sql`select pl.product_id, po.expected_on::text expected_on,
               sum(pl.quantity_ordered - pl.quantity_received)::int open
        from ${purchaseOrderLines} pl join ${purchaseOrders} po on po.id = pl.purchase_order_id
        where po.status in ('sent', 'partly_received') and po.expected_on is not null
          and pl.quantity_received < pl.quantity_ordered
          ${until ? sql`and po.expected_on <= ${until}` : sql``}
          ${productIds ? sql`and pl.product_id in (${uuidList(productIds)})` : sql``}
        group by 1, 2 order by 2, 1`,
  );
  return rows.map((r) => ({ productId: r.product_id, expectedOn: r.expected_on, open: Number(r.open) }));
}

type Supply = {
  sku: string;
  name: string;
  onHand: number;
  reservedForOthers: number;
  expected: number;
  /** Held for the visit asked about: active reservations and picked units. */
  held: number;
  /** Of `held`, what is reserved at the warehouse (so counted in onHand). */
  heldHere: number;
};

async function warehouseSupply(db: DbOrTx, productIds: string[], date: string, visitId: string | null) {
  const list = uuidList(productIds);
  const rows = await rawRows<{
    id: string;
    sku: string;
    name: string;
    on_hand: number;
    reserved: number;
    held_here: number;
    held: number;
    expected: number;
  }>(
    db,
    sql`select p.id, p.sku, p.name,
          (select coalesce(sum(b.on_hand), 0)::int from ${stockBalances} b join ${stockLocations} l on l.id = b.location_id
             where b.product_id = p.id and l.kind in ${WAREHOUSE}) on_hand,
          (select coalesce(sum(b.reserved), 0)::int from ${stockBalances} b join ${stockLocations} l on l.id = b.location_id
             where b.product_id = p.id and l.kind in ${WAREHOUSE}) reserved,
          (select coalesce(sum(r.quantity), 0)::int from ${stockReservations} r join ${stockLocations} l on l.id = r.location_id
             where r.product_id = p.id and r.visit_id = ${visitId} and r.status = 'active' and l.kind in ${WAREHOUSE}) held_here,
          (select coalesce(sum(r.quantity), 0)::int from ${stockReservations} r
             where r.product_id = p.id and r.visit_id = ${visitId} and r.status in ('active', 'consumed')) held,
          (select coalesce(sum(pl.quantity_ordered - pl.quantity_received), 0)::int
             from ${purchaseOrderLines} pl join ${purchaseOrders} po on po.id = pl.purchase_order_id
             where pl.product_id = p.id and po.status in ('sent', 'partly_received') and po.expected_on < ${date}) expected
        from ${products} p where p.id in (${list})`,
  );
  return new Map<string, Supply>(
    rows.map((r) => [
      r.id,
      {
        sku: r.sku,
        name: r.name,
        onHand: Number(r.on_hand),
        reservedForOthers: Number(r.reserved) - Number(r.held_here),
        expected: Number(r.expected),
        held: Number(r.held),
        heldHere: Number(r.held_here),
      },
    ]),
  );
}
