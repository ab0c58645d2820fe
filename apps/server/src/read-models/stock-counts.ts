import { sql } from 'drizzle-orm';
import { rawRows } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import type { Language } from '../platform/sentences/reader-locale.ts';
import { productNameIn } from './product-name.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import {
  stockBalances,
  stockCountLines,
  stockCounts,
  stockLocations,
  stockProductSettings,
} from '../modules/inventory/inventory.schema.ts';

const tracking = sql`coalesce(ps.tracking, case when p.serialised then 'serial' else 'none' end)`;

/**
 * Cycle counts started or posted in a period (Amsterdam dates, both inclusive), newest first, and the
 * inventory accuracy over the counts posted in it: the share of counted lines without a variance.
 */
export async function listStockCounts(db: DbOrTx, q: { from: string; to: string }) {
  const rows = await rawRows<{
    id: string;
    number: string;
    status: 'open' | 'posted';
    location_code: string;
    location_name: string;
    started_at: Date;
    posted_at: Date | null;
    lines: number;
    counted: number;
    variances: number;
  }>(
    db,
    sql`select c.id, c.number, c.status, l.code location_code, l.name location_name, c.started_at, c.posted_at,
          count(cl.id)::int lines, count(cl.counted)::int counted,
          count(cl.id) filter (where cl.variance <> 0)::int variances
        from ${stockCounts} c join ${stockLocations} l on l.id = c.location_id
        left join ${stockCountLines} cl on cl.count_id = c.id
        where c.status = 'open'
           or (c.posted_at at time zone 'Europe/Amsterdam')::date between ${q.from}::date and ${q.to}::date
        group by c.id, l.code, l.name
        order by c.status = 'open' desc, coalesce(c.posted_at, c.started_at) desc
        limit 200`,
  );
  const posted = rows.filter((r) => r.status === 'posted');
  const lines = posted.reduce((n, r) => n + r.lines, 0);
  const accurate = lines - posted.reduce((n, r) => n + r.variances, 0);
  return {
    from: q.from,
    to: q.to,
    accuracy: { lines, accurate, share: lines ? accurate / lines : null },
    counts: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      location: { code: r.location_code, name: r.location_name },
      startedAt: new Date(r.started_at).toISOString(),
      postedAt: r.posted_at ? new Date(r.posted_at).toISOString() : null,
      lines: r.lines,
      counted: r.counted,
      variances: r.variances,
    })),
  };
}

/** One count with its lines: expected when it started, counted, the balance now, and once posted the variance. */
export async function stockCountDetail(db: DbOrTx, id: string, language: Language = 'nl') {
  const [count] = await rawRows<{
    id: string;
    number: string;
    status: 'open' | 'posted';
    location_id: string;
    location_code: string;
    location_name: string;
    started_at: Date;
    posted_at: Date | null;
  }>(
    db,
    sql`select c.id, c.number, c.status, c.location_id, l.code location_code, l.name location_name, c.started_at, c.posted_at
        from ${stockCounts} c join ${stockLocations} l on l.id = c.location_id where c.id = ${id}`,
  );
  if (!count) return null;
  const lines = await rawRows<{
    id: string;
    product_id: string;
    sku: string;
    name: string;
    tracking: 'serial' | 'batch' | 'none';
    lot: string;
    expected: number;
    counted: number | null;
    variance: number | null;
    on_hand: number | null;
  }>(
    db,
    sql`select cl.id, cl.product_id, p.sku, ${productNameIn(language)} as name, ${tracking} tracking, cl.lot, cl.expected, cl.counted, cl.variance,
          b.on_hand
        from ${stockCountLines} cl join ${products} p on p.id = cl.product_id
        left join ${stockProductSettings} ps on ps.product_id = p.id
        left join ${stockBalances} b on b.product_id = cl.product_id and b.location_id = ${count.location_id} and b.lot = cl.lot
        where cl.count_id = ${id}
        order by p.sku, cl.lot`,
  );
  return {
    id: count.id,
    number: count.number,
    status: count.status,
    location: { id: count.location_id, code: count.location_code, name: count.location_name },
    startedAt: new Date(count.started_at).toISOString(),
    postedAt: count.posted_at ? new Date(count.posted_at).toISOString() : null,
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      tracking: l.tracking,
      lot: l.lot,
      expected: l.expected,
      counted: l.counted,
      onHand: l.on_hand ?? 0,
      variance: l.variance,
    })),
  };
}
