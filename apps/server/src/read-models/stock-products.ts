import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import { stockProductSettings, type Tracking } from '../modules/inventory/inventory.schema.ts';

export type StockProduct = { id: string; sku: string; name: string; tracking: Tracking; warrantyMonths: number };

/**
 * How inventory tracks each product: its own setting, or by default serial numbers for what the catalogue
 * marks serialised (charging stations) and plain counting for the rest; 24 months' warranty by default.
 */
export async function stockProducts(tx: DbOrTx, ids: string[]): Promise<Map<string, StockProduct>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      tracking: sql<Tracking>`coalesce(${stockProductSettings.tracking}, case when ${products.serialised} then 'serial' else 'none' end)`,
      warrantyMonths: sql<number>`coalesce(${stockProductSettings.warrantyMonths}, 24)`,
    })
    .from(products)
    .leftJoin(stockProductSettings, eq(stockProductSettings.productId, products.id))
    .where(inArray(products.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { ...r, warrantyMonths: Number(r.warrantyMonths) }]));
}
