import { sql } from 'drizzle-orm';
import { rawRows } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { visits } from '../modules/planning/planning.schema.ts';
import {
  purchaseOrderLines,
  purchaseOrders,
  stockBalances,
  stockLocations,
  stockMoves,
  stockPostings,
  stockProductSettings,
  stockSerials,
  type DocumentType,
  type PurchaseOrderStatus,
} from '../modules/inventory/inventory.schema.ts';
import type { Language } from '../platform/sentences/reader-locale.ts';
import { productNameIn } from './product-name.ts';

const PHYSICAL = sql`('warehouse', 'bin', 'staging', 'van')`;
const tracking = sql`coalesce(ps.tracking, case when p.serialised then 'serial' else 'none' end)`;

export type StockOverviewQuery = {
  q?: string | undefined;
  locationId?: string | undefined;
  productId?: string | undefined;
  belowReorderPoint?: boolean | undefined;
  limit?: number | undefined;
  /** The reader's language, for the products' names. */
  language?: Language | undefined;
};

/**
 * On hand, reserved and free per product and physical location, with the product's total at the
 * warehouse against its reorder point. One grouped read of the kept balances, never of the ledger.
 */
export async function stockOverview(db: DbOrTx, query: StockOverviewQuery) {
  const filters = [sql`l.kind in ${PHYSICAL}`, sql`(b.on_hand <> 0 or b.reserved <> 0)`];
  if (query.q)
    filters.push(
      sql`(p.sku ilike ${`%${query.q}%`} or p.name ilike ${`%${query.q}%`} or p.name_en ilike ${`%${query.q}%`})`,
    );
  if (query.locationId) filters.push(sql`(l.id = ${query.locationId} or l.parent_id = ${query.locationId})`);
  if (query.productId) filters.push(sql`p.id = ${query.productId}`);
  const rows = await rawRows<{
    product_id: string;
    sku: string;
    name: string;
    tracking: string;
    location_id: string;
    location_code: string;
    location_name: string;
    location_kind: string;
    on_hand: number;
    reserved: number;
    reorder_point: number;
    warehouse_on_hand: number;
  }>(
    db,
    sql`
    with per_location as (
      select b.product_id, b.location_id, sum(b.on_hand)::int on_hand, sum(b.reserved)::int reserved
      from ${stockBalances} b join ${stockLocations} l on l.id = b.location_id
      join ${products} p on p.id = b.product_id
      where ${sql.join(filters, sql` and `)}
      group by 1, 2
    ), warehouse as (
      select b.product_id, sum(b.on_hand)::int on_hand from ${stockBalances} b
      join ${stockLocations} l on l.id = b.location_id
      where l.kind in ('warehouse', 'bin') and b.product_id in (select product_id from per_location)
      group by 1
    )
    select p.id product_id, p.sku, ${productNameIn(query.language ?? 'nl')} as name, ${tracking} tracking,
           l.id location_id, l.code location_code,
           l.name location_name, l.kind location_kind, pl.on_hand, pl.reserved,
           coalesce(ps.reorder_point, 0) reorder_point, coalesce(w.on_hand, 0) warehouse_on_hand
    from per_location pl join ${products} p on p.id = pl.product_id
    join ${stockLocations} l on l.id = pl.location_id
    left join ${stockProductSettings} ps on ps.product_id = p.id
    left join warehouse w on w.product_id = p.id
    ${query.belowReorderPoint ? sql`where coalesce(w.on_hand, 0) < coalesce(ps.reorder_point, 0)` : sql``}
    order by p.sku, l.code
    limit ${query.limit ?? 500}`,
  );
  return rows.map((r) => ({
    productId: r.product_id,
    sku: r.sku,
    name: r.name,
    tracking: r.tracking as 'serial' | 'batch' | 'none',
    locationId: r.location_id,
    locationCode: r.location_code,
    locationName: r.location_name,
    locationKind: r.location_kind,
    onHand: r.on_hand,
    reserved: r.reserved,
    available: r.on_hand - r.reserved,
    reorderPoint: r.reorder_point,
    belowReorderPoint: r.warehouse_on_hand < r.reorder_point,
  }));
}

/** A product's settings and its latest moves (the ledger, newest first). */
export async function productLedger(db: DbOrTx, productId: string, language: Language = 'nl', limit = 200) {
  const head = await rawRows<{
    id: string;
    sku: string;
    name: string;
    tracking: string;
    warranty_months: number;
    reorder_point: number;
  }>(
    db,
    sql`select p.id, p.sku, ${productNameIn(language)} as name, ${tracking} tracking,
             coalesce(ps.warranty_months, 24) warranty_months,
             coalesce(ps.reorder_point, 0) reorder_point
         from ${products} p left join ${stockProductSettings} ps on ps.product_id = p.id where p.id = ${productId}`,
  );
  const product = head[0];
  if (!product) return null;
  const moves = await movesWhere(db, sql`m.product_id = ${productId}`, limit, 'desc');
  const stock = await stockOverview(db, { productId, language });
  return {
    product: {
      id: product.id,
      sku: product.sku,
      name: product.name,
      tracking: product.tracking as 'serial' | 'batch' | 'none',
      warrantyMonths: product.warranty_months,
      reorderPoint: product.reorder_point,
    },
    stock,
    moves,
  };
}

async function movesWhere(db: DbOrTx, where: ReturnType<typeof sql>, limit: number, order: 'asc' | 'desc') {
  const rows = await rawRows<{
    id: number;
    posted_at: Date | string;
    document_type: DocumentType;
    document_ref: string;
    quantity: number;
    serial_number: string | null;
    batch_code: string | null;
    from_code: string;
    from_name: string;
    to_code: string;
    to_name: string;
    visit_number: string | null;
  }>(
    db,
    sql`
    select m.id, m.posted_at, sp.document_type, sp.document_ref, m.quantity, m.serial_number, m.batch_code,
           f.code from_code, f.name from_name, t.code to_code, t.name to_name, v.number visit_number
    from ${stockMoves} m join ${stockPostings} sp on sp.id = m.posting_id
    join ${stockLocations} f on f.id = m.from_location_id join ${stockLocations} t on t.id = m.to_location_id
    left join ${visits} v on v.id = sp.visit_id
    where ${where}
    order by m.id ${order === 'asc' ? sql`asc` : sql`desc`} limit ${limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    postedAt: new Date(r.posted_at).toISOString(),
    documentType: r.document_type,
    documentRef: r.document_ref,
    quantity: r.quantity,
    serialNumber: r.serial_number,
    batchCode: r.batch_code,
    from: { code: r.from_code, name: r.from_name },
    to: { code: r.to_code, name: r.to_name },
    visitNumber: r.visit_number,
  }));
}

/**
 * Every unit with this serial (unique per product, so one per product): where it is, the order and
 * customer it was installed for, its warranty end, and every hop from the supplier on.
 */
export async function lookUpSerial(db: DbOrTx, serialNumber: string, language: Language = 'nl') {
  const units = await rawRows<{
    product_id: string;
    sku: string;
    name: string;
    serial_number: string;
    location_code: string;
    location_name: string;
    location_kind: string;
    received_at: Date | string;
    installed_on: string | null;
    warranty_until: string | null;
    warranty_registration: string | null;
    visit_number: string | null;
    order_id: string | null;
    order_number: string | null;
    customer_id: string | null;
    customer_name: string | null;
  }>(
    db,
    sql`
    select s.product_id, p.sku, ${productNameIn(language)} as name, s.serial_number, l.code location_code,
           l.name location_name,
           l.kind location_kind, s.received_at, s.installed_on::text, s.warranty_until::text, s.warranty_registration,
           v.number visit_number, o.id order_id, o.number order_number, c.id customer_id, c.name customer_name
    from ${stockSerials} s join ${products} p on p.id = s.product_id
    join ${stockLocations} l on l.id = s.location_id
    left join ${visits} v on v.id = s.visit_id
    left join ${orders} o on o.id = v.order_id
    left join ${customers} c on c.id = v.customer_id
    where s.serial_number = ${serialNumber.trim()}
    order by p.sku`,
  );
  return Promise.all(
    units.map(async (u) => ({
      productId: u.product_id,
      sku: u.sku,
      productName: u.name,
      serialNumber: u.serial_number,
      location: { code: u.location_code, name: u.location_name, kind: u.location_kind },
      receivedAt: new Date(u.received_at).toISOString(),
      installedOn: u.installed_on,
      warrantyUntil: u.warranty_until,
      warrantyRegistration: u.warranty_registration,
      visitNumber: u.visit_number,
      order: u.order_id ? { id: u.order_id, number: u.order_number! } : null,
      customer: u.customer_id ? { id: u.customer_id, name: u.customer_name! } : null,
      hops: await movesWhere(
        db,
        sql`m.product_id = ${u.product_id} and m.serial_number = ${u.serial_number}`,
        1000,
        'asc',
      ),
    })),
  );
}

/** The location tree, parents before children. */
export async function listStockLocations(db: DbOrTx) {
  const rows = await rawRows<{
    id: string;
    code: string;
    name: string;
    kind: string;
    parent_id: string | null;
    team_id: string | null;
    region_code: string | null;
    allow_negative: boolean;
  }>(
    db,
    sql`select id, code, name, kind, parent_id, team_id, region_code, allow_negative from ${stockLocations}
         where active order by coalesce(parent_id, id), parent_id nulls first, code`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    teamId: r.team_id,
    regionCode: r.region_code,
    allowNegative: r.allow_negative,
  }));
}

/** Purchase orders, newest first, with their supplier and how much of them has come in. */
export async function listPurchaseOrders(db: DbOrTx, opts: { status?: string | undefined; limit?: number }) {
  const rows = await rawRows<{
    id: string;
    number: string;
    status: PurchaseOrderStatus;
    supplier: string;
    destination: string;
    expected_on: string | null;
    created_at: Date | string;
    ordered: number;
    received: number;
  }>(
    db,
    sql`
    select po.id, po.number, po.status, s.name supplier, d.code destination, po.expected_on::text, po.created_at,
           coalesce(sum(pl.quantity_ordered), 0)::int ordered, coalesce(sum(pl.quantity_received), 0)::int received
    from ${purchaseOrders} po join ${stockLocations} s on s.id = po.supplier_location_id
    join ${stockLocations} d on d.id = po.destination_location_id
    left join ${purchaseOrderLines} pl on pl.purchase_order_id = po.id
    ${opts.status ? sql`where po.status = ${opts.status}` : sql``}
    group by po.id, s.name, d.code
    order by po.created_at desc, po.number desc limit ${opts.limit ?? 200}`,
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    supplier: r.supplier,
    destination: r.destination,
    expectedOn: r.expected_on,
    createdAt: new Date(r.created_at).toISOString(),
    ordered: r.ordered,
    received: r.received,
  }));
}

export async function getPurchaseOrder(db: DbOrTx, id: string, language: Language = 'nl') {
  const [po] = await listPurchaseOrdersWhere(db, id);
  if (!po) return null;
  const lines = await rawRows<{
    id: string;
    product_id: string;
    sku: string;
    name: string;
    tracking: string;
    quantity_ordered: number;
    quantity_received: number;
    unit_cost_cents: number;
  }>(
    db,
    sql`select pl.id, p.id product_id, p.sku, ${productNameIn(language)} as name, ${tracking} tracking,
             pl.quantity_ordered, pl.quantity_received,
             pl.unit_cost_cents
         from ${purchaseOrderLines} pl join ${products} p on p.id = pl.product_id
         left join ${stockProductSettings} ps on ps.product_id = p.id
         where pl.purchase_order_id = ${id} order by p.sku`,
  );
  const receipts = await movesWhere(
    db,
    sql`sp.document_type = 'purchase_receipt' and sp.document_ref = ${po.number}`,
    1000,
    'asc',
  );
  return {
    ...po,
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      tracking: l.tracking as 'serial' | 'batch' | 'none',
      quantityOrdered: l.quantity_ordered,
      quantityReceived: l.quantity_received,
      unitCostCents: l.unit_cost_cents,
    })),
    receipts,
  };
}

async function listPurchaseOrdersWhere(db: DbOrTx, id: string) {
  const rows = await rawRows<{
    id: string;
    number: string;
    status: PurchaseOrderStatus;
    entity_id: string;
    supplier: string;
    destination: string;
    expected_on: string | null;
    created_at: Date | string;
  }>(
    db,
    sql`select po.id, po.number, po.status, po.entity_id, s.name supplier, d.code destination, po.expected_on::text,
             po.created_at
         from ${purchaseOrders} po join ${stockLocations} s on s.id = po.supplier_location_id
         join ${stockLocations} d on d.id = po.destination_location_id where po.id = ${id}`,
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    entityId: r.entity_id,
    supplier: r.supplier,
    destination: r.destination,
    expectedOn: r.expected_on,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
