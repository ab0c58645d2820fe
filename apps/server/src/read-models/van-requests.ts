import { sql } from 'drizzle-orm';
import { rawRows, uuidList } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import { teams } from '../modules/planning/planning.schema.ts';
import {
  stockBalances,
  stockLocations,
  stockProductSettings,
  type Tracking,
} from '../modules/inventory/inventory.schema.ts';
import { stockTransfers, vanRequestLines, vanRequests } from '../modules/inventory/transfers.schema.ts';
import type { Language } from '../platform/sentences/reader-locale.ts';
import { productNameIn } from './product-name.ts';

type Status = 'open' | 'fulfilled' | 'declined';

/**
 * Van replenishment requests, open ones first (oldest first, as the warehouse works them), then the
 * decided ones newest first; at most 100. Per line what the van holds of the product now, named in the
 * reader's language.
 */
export async function listVanRequests(
  db: DbOrTx,
  q: { status?: Status | undefined; teamId?: string | undefined },
  language: Language = 'nl',
) {
  const filters = [sql`true`];
  if (q.status) filters.push(sql`r.status = ${q.status}`);
  if (q.teamId) filters.push(sql`r.team_id = ${q.teamId}`);
  const rows = await rawRows<{
    id: string;
    number: string;
    team_id: string;
    team_name: string;
    van_id: string;
    van_code: string;
    van_name: string;
    status: Status;
    note: string | null;
    requested_by_name: string;
    requested_at: Date | string;
    decided_at: Date | string | null;
    decline_reason: string | null;
    transfer_id: string | null;
    transfer_number: string | null;
  }>(
    db,
    sql`select r.id, r.number, tm.id team_id, tm.name team_name, v.id van_id, v.code van_code, v.name van_name,
               r.status, r.note, r.requested_by_name, r.requested_at, r.decided_at,
               r.decline_reason, t.id transfer_id, t.number transfer_number
        from ${vanRequests} r join ${teams} tm on tm.id = r.team_id
        join ${stockLocations} v on v.id = r.van_location_id
        left join ${stockTransfers} t on t.id = r.transfer_id
        where ${sql.join(filters, sql` and `)}
        order by r.status = 'open' desc,
                 case when r.status = 'open' then r.requested_at end asc,
                 r.decided_at desc, r.number desc
        limit 100`,
  );
  if (!rows.length) return [];
  const lines = await rawRows<{
    request_id: string;
    product_id: string;
    sku: string;
    name: string;
    tracking: Tracking;
    quantity: number;
    on_van: number;
  }>(
    db,
    sql`select l.request_id, l.product_id, p.sku, ${productNameIn(language)} as name,
               coalesce(s.tracking, case when p.serialised then 'serial' else 'none' end) tracking, l.quantity,
               (select coalesce(sum(b.on_hand), 0)::int from ${stockBalances} b
                 where b.product_id = l.product_id and b.location_id = r.van_location_id) on_van
        from ${vanRequestLines} l join ${vanRequests} r on r.id = l.request_id
        join ${products} p on p.id = l.product_id
        left join ${stockProductSettings} s on s.product_id = p.id
        where l.request_id in (${uuidList(rows.map((r) => r.id))}) order by p.sku`,
  );
  const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    team: { id: r.team_id, name: r.team_name },
    van: { id: r.van_id, code: r.van_code, name: r.van_name },
    status: r.status,
    note: r.note,
    requestedByName: r.requested_by_name,
    requestedAt: iso(r.requested_at)!,
    decidedAt: iso(r.decided_at),
    declineReason: r.decline_reason,
    transfer: r.transfer_id ? { id: r.transfer_id, number: r.transfer_number! } : null,
    lines: lines
      .filter((l) => l.request_id === r.id)
      .map((l) => ({
        productId: l.product_id,
        sku: l.sku,
        name: l.name,
        tracking: l.tracking,
        quantity: Number(l.quantity),
        onVan: Number(l.on_van),
      })),
  }));
}

/** What a van may be topped up with: the active products inventory keeps stock of, by SKU. */
export async function requestableProducts(db: DbOrTx, language: Language = 'nl') {
  const rows = await rawRows<{ id: string; sku: string; name: string; unit: string; tracking: Tracking }>(
    db,
    sql`select p.id, p.sku, ${productNameIn(language)} as name, p.unit, s.tracking from ${products} p
        join ${stockProductSettings} s on s.product_id = p.id
        where p.active order by p.sku`,
  );
  return rows.map((r) => ({ productId: r.id, sku: r.sku, name: r.name, unit: r.unit, tracking: r.tracking }));
}
