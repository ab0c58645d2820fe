import { sql } from 'drizzle-orm';
import { rawRows, uuidList } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { addDaysToDate } from '../platform/calendar.ts';
import { productKitItems, products } from '../modules/catalog/catalog.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { quoteLines, quoteSignatures, quotes, quoteVersions } from '../modules/quotes/quotes.schema.ts';
import { visits } from '../modules/planning/planning.schema.ts';
import {
  purchaseOrderLines,
  purchaseOrders,
  stockBalances,
  stockLocations,
  stockReservations,
} from '../modules/inventory/inventory.schema.ts';
import { HOLDING_VISIT_STATUSES, visitMaterials } from './visit-materials.ts';
import type { Language } from '../platform/sentences/reader-locale.ts';
import { productNameIn } from './product-name.ts';

/** How far back signed and lost quotes count for the conversion rate and the lead time. */
export const CONVERSION_WINDOW_DAYS = 180;
/** Sent to installed, when no signed quote of the window reached a planned visit yet. */
export const DEFAULT_LEAD_DAYS = 28;

export type ForecastWeek = {
  /** What planned visits still take from the warehouse (their materials less what was picked already). */
  planned: number;
  /** Open quotes' materials times the conversion rate, in the week they would be installed. */
  pipeline: number;
  /** Open purchase orders expected this week (a late one counts in the first week). */
  receipts: number;
  /** Free at the warehouse at the end of the week: opening + receipts - planned - pipeline, so far. */
  projected: number;
};

export type ForecastProduct = {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  onHand: number;
  /** Reserved at the warehouse for visits outside the forecast (before it, overdue, or after it). */
  reservedElsewhere: number;
  weeks: ForecastWeek[];
  /** Monday of the first week the planned visits alone would take more than there is. */
  plannedShortWeek: string | null;
  /** Monday of the first week planned visits and the weighted pipeline would take more than there is. */
  shortWeek: string | null;
};

const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The ISO week number of a day (week 1 holds the year's first Thursday). */
export function isoWeekNumber(date: string): number {
  const thursday = new Date(`${addDaysToDate(date, 4 - isoWeekday(date))}T12:00:00Z`);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1, 12);
  return Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The material demand of the coming weeks per product, week by week from this week's Monday: what the
 * planned visits still take from the warehouse, plus the open quotes' materials weighted by how often a
 * decided quote was signed over the last 180 days, each expected as many days after it was sent as a signed
 * quote of that period took to reach its installation visit (the median). Against it: free stock at the
 * warehouse now and the open purchase orders as they are expected; the first week the projection goes
 * below zero is the week the product runs short.
 *
 * @example
 * const f = await demandForecast(db, { today: '2026-12-02', weeks: 6 });
 * f.products.filter((p) => p.plannedShortWeek); // certain shortages, before any quote is signed
 */
export async function demandForecast(db: DbOrTx, opts: { today: string; weeks: number; language?: Language }) {
  const from = addDaysToDate(opts.today, 1 - isoWeekday(opts.today));
  const to = addDaysToDate(from, opts.weeks * 7 - 1);
  const weekStarts = Array.from({ length: opts.weeks }, (_, i) => addDaysToDate(from, i * 7));
  const weekOf = (date: string) => Math.min(opts.weeks - 1, Math.max(0, Math.floor(daysBetween(from, date) / 7)));

  const conversion = await conversionHistory(db, opts.today);
  const rate = conversion.rate ?? 0;

  const planned = await rawRows<{ id: string; date: string }>(
    db,
    sql`select v.id, v.scheduled_date::text date from ${visits} v
        where v.status in (${sql.join(
          HOLDING_VISIT_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )}) and v.scheduled_date between ${from} and ${to}`,
  );
  const materials = await visitMaterials(
    db,
    planned.map((v) => v.id),
  );
  const pipeline = await pipelineMaterials(db, opts.today);

  const demand = new Map<string, { planned: number[]; pipeline: number[] }>();
  const demandOf = (productId: string) => {
    let d = demand.get(productId);
    if (!d) {
      d = { planned: weekStarts.map(() => 0), pipeline: weekStarts.map(() => 0) };
      demand.set(productId, d);
    }
    return d;
  };
  const picked = planned.length
    ? await pickedFor(
        db,
        planned.map((v) => v.id),
      )
    : new Map<string, number>();
  for (const v of planned)
    for (const m of materials.get(v.id) ?? []) {
      const still = m.quantity - (picked.get(`${v.id}|${m.productId}`) ?? 0);
      if (still > 0) demandOf(m.productId).planned[weekOf(v.date)]! += still;
    }
  const counted = new Set<string>();
  for (const line of pipeline) {
    const expected = addDaysToDate(line.sent_on, conversion.leadDays);
    if (expected > to) continue;
    counted.add(line.quote_id);
    demandOf(line.product_id).pipeline[weekOf(expected < opts.today ? opts.today : expected)]! +=
      Number(line.quantity) * rate;
  }

  const productIds = [...demand.keys()];
  const supply = productIds.length
    ? await warehouseSupply(
        db,
        productIds,
        planned.map((v) => v.id),
        to,
        opts.language ?? 'nl',
      )
    : [];
  const forecast: ForecastProduct[] = supply.map((p) => {
    const d = demand.get(p.id)!;
    const receipts = weekStarts.map(() => 0);
    for (const r of p.receipts) receipts[weekOf(r.on)]! += r.quantity;
    const reservedElsewhere = Math.max(0, p.reserved - p.reservedForPlanned);
    let plannedLeft = p.onHand - reservedElsewhere;
    let left = plannedLeft;
    let plannedShortWeek: string | null = null;
    let shortWeek: string | null = null;
    const weeks: ForecastWeek[] = [];
    for (const [i, start] of weekStarts.entries()) {
      plannedLeft += receipts[i]! - d.planned[i]!;
      left += receipts[i]! - d.planned[i]! - d.pipeline[i]!;
      plannedShortWeek ??= plannedLeft < 0 ? start : null;
      // Half a charger of pipeline is no shortage yet: a product runs short when a whole unit is missing.
      shortWeek ??= left <= -0.5 ? start : null;
      weeks.push({
        planned: d.planned[i]!,
        pipeline: round1(d.pipeline[i]!),
        receipts: receipts[i]!,
        projected: round1(left),
      });
    }
    return {
      productId: p.id,
      sku: p.sku,
      name: p.name,
      unit: p.unit,
      onHand: p.onHand,
      reservedElsewhere,
      weeks,
      plannedShortWeek,
      shortWeek,
    };
  });
  forecast.sort(
    (a, b) => (a.shortWeek ?? '9999').localeCompare(b.shortWeek ?? '9999') || a.sku.localeCompare(b.sku, 'nl'),
  );
  return {
    from,
    to,
    weeks: weekStarts.map((start) => ({ start, number: isoWeekNumber(start) })),
    conversion,
    plannedVisits: planned.length,
    pipelineQuotes: counted.size,
    products: forecast,
  };
}

function daysBetween(a: string, b: string) {
  return Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);
}

/**
 * Quotes decided over the window: signed (on the day of the last signature), declined (on the day it
 * was declined) or expired (on the day it ran out); the rate is signed / decided. The lead time is the
 * median of sent-to-first-installation-visit over the signed ones whose order has a planned visit.
 */
async function conversionHistory(db: DbOrTx, today: string) {
  const since = addDaysToDate(today, -CONVERSION_WINDOW_DAYS);
  const [counts] = await rawRows<{ signed: number; decided: number }>(
    db,
    sql`with decided as (
          select q.status,
            case q.status
              when 'signed' then (q.signed_at at time zone 'Europe/Amsterdam')::date
              when 'declined' then coalesce((
                select (max(s.used_at) at time zone 'Europe/Amsterdam')::date from ${quoteSignatures} s
                where s.quote_id = q.id and s.status = 'declined'), q.valid_until)
              else q.valid_until
            end decided_on
          from ${quotes} q where q.status in ('signed', 'declined', 'expired')
        )
        select (count(*) filter (where status = 'signed'))::int signed, count(*)::int decided
        from decided where decided_on between ${since} and ${today}`,
  );
  const [lead] = await rawRows<{ days: number | null; n: number }>(
    db,
    sql`select percentile_cont(0.5) within group (order by v.scheduled_date - (q.sent_at at time zone 'Europe/Amsterdam')::date) days,
               count(*)::int n
        from ${quotes} q join ${orders} o on o.quote_id = q.id
        join lateral (
          select min(v.scheduled_date) scheduled_date from ${visits} v
          where v.order_id = o.id and v.type <> 'survey' and v.status <> 'cancelled'
        ) v on v.scheduled_date is not null
        where q.status = 'signed' and q.sent_at is not null
          and (q.signed_at at time zone 'Europe/Amsterdam')::date between ${since} and ${today}`,
  );
  const signed = Number(counts?.signed ?? 0);
  const decided = Number(counts?.decided ?? 0);
  const fromHistory = lead?.days !== null && lead?.days !== undefined && Number(lead.n) > 0;
  return {
    since,
    signed,
    decided,
    rate: decided ? signed / decided : null,
    leadDays: fromHistory ? Math.max(0, Math.round(Number(lead!.days))) : DEFAULT_LEAD_DAYS,
    leadDaysFromHistory: fromHistory,
  };
}

/** The materials of each open quote's current version (kits expanded, labour left out, whole units). */
async function pipelineMaterials(db: DbOrTx, today: string) {
  return rawRows<{ quote_id: string; sent_on: string; product_id: string; quantity: number }>(
    db,
    sql`select q.id quote_id, (q.sent_at at time zone 'Europe/Amsterdam')::date::text sent_on,
               coalesce(ki.product_id, ql.product_id) product_id,
               ceil(sum(ql.quantity * coalesce(ki.quantity, 1)))::int quantity
        from ${quotes} q
        join ${quoteVersions} qv on qv.quote_id = q.id and qv.version = q.current_version
        join ${quoteLines} ql on ql.quote_version_id = qv.id
        left join ${productKitItems} ki on ki.kit_id = ql.kit_id
        join ${products} p on p.id = coalesce(ki.product_id, ql.product_id)
        where q.status in ('sent', 'partially_signed') and q.sent_at is not null and q.valid_until >= ${today}
          and p.category_code <> 'installation_service' and p.unit <> 'hour'
        group by 1, 2, 3 having sum(ql.quantity * coalesce(ki.quantity, 1)) > 0`,
  );
}

/** What was picked already for each visit and product (its consumed reservations). */
async function pickedFor(db: DbOrTx, visitIds: string[]) {
  const rows = await rawRows<{ visit_id: string; product_id: string; n: number }>(
    db,
    sql`select visit_id, product_id, sum(quantity)::int n from ${stockReservations}
        where status = 'consumed' and visit_id in (${uuidList(visitIds)}) group by 1, 2`,
  );
  return new Map(rows.map((r) => [`${r.visit_id}|${r.product_id}`, Number(r.n)]));
}

const WAREHOUSE = sql`('warehouse', 'bin')`;

/** On hand and reserved at the warehouse and its bins, the part reserved for the planned visits, and receipts. */
async function warehouseSupply(
  db: DbOrTx,
  productIds: string[],
  plannedIds: string[],
  until: string,
  language: Language,
) {
  const rows = await rawRows<{
    id: string;
    sku: string;
    name: string;
    unit: string;
    on_hand: number;
    reserved: number;
    reserved_for_planned: number;
  }>(
    db,
    sql`select p.id, p.sku, ${productNameIn(language)} as name, p.unit,
          (select coalesce(sum(b.on_hand), 0)::int from ${stockBalances} b join ${stockLocations} l on l.id = b.location_id
             where b.product_id = p.id and l.kind in ${WAREHOUSE}) on_hand,
          (select coalesce(sum(b.reserved), 0)::int from ${stockBalances} b join ${stockLocations} l on l.id = b.location_id
             where b.product_id = p.id and l.kind in ${WAREHOUSE}) reserved,
          ${
            plannedIds.length
              ? sql`(select coalesce(sum(r.quantity), 0)::int from ${stockReservations} r
                      join ${stockLocations} l on l.id = r.location_id
                      where r.product_id = p.id and r.status = 'active' and l.kind in ${WAREHOUSE}
                        and r.visit_id in (${uuidList(plannedIds)}))`
              : sql`0`
          } reserved_for_planned
        from ${products} p where p.id in (${uuidList(productIds)})`,
  );
  const receipts = await rawRows<{ product_id: string; expected_on: string; open: number }>(
    db,
    sql`select pl.product_id, po.expected_on::text expected_on, sum(pl.quantity_ordered - pl.quantity_received)::int open
        from ${purchaseOrderLines} pl join ${purchaseOrders} po on po.id = pl.purchase_order_id
        where po.status in ('sent', 'partly_received') and po.expected_on is not null and po.expected_on <= ${until}
          and pl.quantity_received < pl.quantity_ordered and pl.product_id in (${uuidList(productIds)})
        group by 1, 2`,
  );
  return rows.map((r) => ({
    id: r.id,
    sku: r.sku,
    name: r.name,
    unit: r.unit,
    onHand: Number(r.on_hand),
    reserved: Number(r.reserved),
    reservedForPlanned: Number(r.reserved_for_planned),
    receipts: receipts
      .filter((x) => x.product_id === r.id)
      .map((x) => ({ on: x.expected_on, quantity: Number(x.open) })),
  }));
}
