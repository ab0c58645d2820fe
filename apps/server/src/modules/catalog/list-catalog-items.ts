import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { productKitItems, productKitPrices, productKits, productPrices, products } from './catalog.schema.ts';

/**
 * What an entity sells, for the quote editor: its active products and its kits, each with the entity's
 * price; a kit with its components per package. Only what has a price here can be quoted here.
 */
export async function listCatalogItems(db: DbOrTx, entityId: string) {
  const [productRows, kitRows] = await Promise.all([
    db
      .select({ p: products, priceCents: productPrices.priceCents })
      .from(products)
      .innerJoin(productPrices, and(eq(productPrices.productId, products.id), eq(productPrices.entityId, entityId)))
      .where(eq(products.active, true))
      .orderBy(asc(products.categoryCode), asc(products.name)),
    db
      .select({ k: productKits, priceCents: productKitPrices.priceCents })
      .from(productKits)
      .innerJoin(
        productKitPrices,
        and(eq(productKitPrices.kitId, productKits.id), eq(productKitPrices.entityId, entityId)),
      )
      .orderBy(asc(productKits.name)),
  ]);
  const components = kitRows.length
    ? await db
        .select({
          kitId: productKitItems.kitId,
          code: products.sku,
          name: products.name,
          nameEn: products.nameEn,
          quantity: productKitItems.quantity,
        })
        .from(productKitItems)
        .innerJoin(products, eq(products.id, productKitItems.productId))
        .where(
          inArray(
            productKitItems.kitId,
            kitRows.map((r) => r.k.id),
          ),
        )
        .orderBy(asc(products.sku))
    : [];
  return {
    items: [
      ...kitRows.map(({ k, priceCents }) => ({
        kind: 'kit' as const,
        id: k.id,
        code: k.code,
        name: k.name,
        nameEn: k.nameEn,
        category: k.categoryCode,
        unit: 'piece' as const,
        priceCents,
        vatRate: k.vatRate,
        components: components.filter((c) => c.kitId === k.id).map(({ kitId: _k, ...c }) => c),
      })),
      ...productRows.map(({ p, priceCents }) => ({
        kind: 'product' as const,
        id: p.id,
        code: p.sku,
        name: p.name,
        nameEn: p.nameEn,
        category: p.categoryCode,
        unit: p.unit,
        priceCents,
        vatRate: p.vatRate,
        components: [],
      })),
    ],
  };
}
