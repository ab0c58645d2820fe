import { sql } from 'drizzle-orm';
import { rawRows, uuidList } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import { stockLocations, stockMoves } from '../modules/inventory/inventory.schema.ts';
import { stockTransfers, vanRequests } from '../modules/inventory/transfers.schema.ts';
import type { Language } from '../platform/sentences/reader-locale.ts';
import { productNameIn } from './product-name.ts';

type TransferRow = {
  id: string;
  number: string;
  from_id: string;
  from_code: string;
  from_name: string;
  to_id: string;
  to_code: string;
  to_name: string;
  via_transit: boolean;
  status: 'in_transit' | 'received';
  created_at: Date | string;
  received_at: Date | string | null;
  request_id: string | null;
  request_number: string | null;
};

/**
 * Transfers, newest first (those still in transit before all others), at most 100, each with the lines
 * its send posting moved (products named in the reader's language) and the van request it fulfilled.
 */
export async function listTransfers(
  db: DbOrTx,
  q: { status?: 'in_transit' | 'received' | undefined },
  language: Language = 'nl',
) {
  const rows = await rawRows<TransferRow>(
    db,
    sql`select t.id, t.number, f.id from_id, f.code from_code, f.name from_name, d.id to_id, d.code to_code,
               d.name to_name, t.via_transit, t.status, t.created_at, t.received_at,
               r.id request_id, r.number request_number
        from ${stockTransfers} t
        join ${stockLocations} f on f.id = t.from_location_id
        join ${stockLocations} d on d.id = t.to_location_id
        left join ${vanRequests} r on r.transfer_id = t.id
        ${q.status ? sql`where t.status = ${q.status}` : sql``}
        order by t.status = 'in_transit' desc, t.created_at desc, t.number desc limit 100`,
  );
  if (!rows.length) return [];
  const lines = await rawRows<{
    transfer_id: string;
    product_id: string;
    sku: string;
    name: string;
    quantity: number;
    serial_number: string | null;
    batch_code: string | null;
  }>(
    db,
    sql`select t.id transfer_id, m.product_id, p.sku, ${productNameIn(language)} as name, m.quantity, m.serial_number, m.batch_code
        from ${stockTransfers} t join ${stockMoves} m on m.posting_id = t.send_posting_id
        join ${products} p on p.id = m.product_id
        where t.id in (${uuidList(rows.map((r) => r.id))}) order by m.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    from: { id: r.from_id, code: r.from_code, name: r.from_name },
    to: { id: r.to_id, code: r.to_code, name: r.to_name },
    viaTransit: r.via_transit,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    receivedAt: r.received_at ? new Date(r.received_at).toISOString() : null,
    request: r.request_id ? { id: r.request_id, number: r.request_number! } : null,
    lines: lines
      .filter((l) => l.transfer_id === r.id)
      .map((l) => ({
        productId: l.product_id,
        sku: l.sku,
        name: l.name,
        quantity: Number(l.quantity),
        serialNumber: l.serial_number,
        batchCode: l.batch_code,
      })),
  }));
}
