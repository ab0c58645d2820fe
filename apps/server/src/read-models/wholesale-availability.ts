import { sql } from 'drizzle-orm';
import { rawRows } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import type { Language } from '../platform/sentences/reader-locale.ts';
import { productNameIn } from './product-name.ts';
import { partnerPrices, products } from '../modules/catalog/catalog.schema.ts';
import { partnerAgreements, partners } from '../modules/partners/partners.schema.ts';
import {
  purchaseOrderLines,
  purchaseOrders,
  stockBalances,
  stockLocations,
} from '../modules/inventory/inventory.schema.ts';

/** Free stock up to this many pieces is shown as "limited". */
export const LIMITED_UP_TO = 5;
// The B2B brands whose contractors order wholesale (PRD: ZaptecShop.nl and RatioShop.nl).
const brands = sql`('zaptecshop', 'ratioshop')`;

export type AvailabilityBand = 'in_stock' | 'limited' | 'out_of_stock';

/**
 * What a B2B contractor may know of our stock: per product on its wholesale price list a band (in stock,
 * limited, out of stock) from the free stock at the warehouse and its bins, never the number, and when
 * out of stock the date the next open purchase order is expected. Only partners of the B2B brands see
 * anything; any other partner gets `eligible: false` and no products.
 */
export async function wholesaleAvailability(db: DbOrTx, partnerId: string, language: Language = 'nl') {
  // A contractor belongs to a brand by its own entity or by an agreement with it that holds today.
  const [eligible] = await rawRows<{ ok: boolean }>(
    db,
    sql`select true ok from ${partners} p where p.id = ${partnerId} and p.status = 'active'
          and (p.entity_id in ${brands} or exists (
            select 1 from ${partnerAgreements} a where a.partner_id = p.id and a.entity_id in ${brands}
               and a.valid_from <= current_date and (a.valid_to is null or a.valid_to >= current_date)))`,
  );
  if (!eligible) return { eligible: false, products: [] };
  const rows = await rawRows<{
    product_id: string;
    sku: string;
    name: string;
    free: number;
    expected_on: string | null;
  }>(
    db,
    sql`select p.id product_id, p.sku, ${productNameIn(language)} as name,
          coalesce((select sum(b.on_hand - b.reserved) from ${stockBalances} b
                    join ${stockLocations} l on l.id = b.location_id
                    where b.product_id = p.id and l.kind in ('warehouse', 'bin')), 0)::int free,
          (select min(po.expected_on)::text from ${purchaseOrders} po
             join ${purchaseOrderLines} pl on pl.purchase_order_id = po.id
            where pl.product_id = p.id and po.status in ('sent', 'partly_received')
              and pl.quantity_received < pl.quantity_ordered and po.expected_on >= current_date) expected_on
        from ${partnerPrices} pp join ${products} p on p.id = pp.product_id
        where pp.partner_id = ${partnerId}
        order by p.sku`,
  );
  return {
    eligible: true,
    products: rows.map((r) => {
      const band: AvailabilityBand = r.free > LIMITED_UP_TO ? 'in_stock' : r.free > 0 ? 'limited' : 'out_of_stock';
      return {
        productId: r.product_id,
        sku: r.sku,
        name: r.name,
        band,
        expectedOn: band === 'in_stock' ? null : r.expected_on,
      };
    }),
  };
}
