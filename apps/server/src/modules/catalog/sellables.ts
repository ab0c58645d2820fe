import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import {
  partnerPrices,
  productKitItems,
  productKitPrices,
  productKits,
  productPrices,
  products,
  PRODUCT_CATEGORIES,
  type ProductCategory,
} from './catalog.schema.ts';
import { kitSpecification, productSpecification } from './specification.ts';
import type { Language } from '../../platform/sentences/reader-locale.ts';

/** A product or a kit as a quote line prices it: the same questions, whichever it is. */
export type Sellable = {
  productId: string | null;
  kitId: string | null;
  name: string;
  /** The name in English; null when the catalogue has none. */
  nameEn: string | null;
  category: ProductCategory;
  vatRate: number;
  /** The selling entity's price, and the partner's wholesale price (products only), excl. VAT; null when there is none. */
  entityPrice: number | null;
  wholesalePrice: number | null;
  /** On-site minutes of one unit (a kit: of all its components). */
  labourMinutes: number;
  /** What the partner view shows under the line, given the line's total labour, in a language. */
  specification: (labourMinutes: number, language: Language) => string;
};

const NO_PARTNER = '00000000-0000-0000-0000-000000000000';
const unitLabour = (p: { unit: string; labourMinutes: number }) => (p.unit === 'hour' ? 60 : p.labourMinutes);

/** The products and kits the lines name, with the entity's prices: one query for each kind. */
export async function lookUpSellables(
  db: DbOrTx,
  opts: { entityId: string; partnerId: string | null; productIds: readonly string[]; kitIds: readonly string[] },
) {
  const [productRows, kitRows, componentRows] = await Promise.all([
    opts.productIds.length
      ? db
          .select({
            product: products,
            entityPrice: productPrices.priceCents,
            wholesalePrice: partnerPrices.priceCents,
          })
          .from(products)
          .leftJoin(
            productPrices,
            and(eq(productPrices.productId, products.id), eq(productPrices.entityId, opts.entityId)),
          )
          .leftJoin(
            partnerPrices,
            and(eq(partnerPrices.productId, products.id), eq(partnerPrices.partnerId, opts.partnerId ?? NO_PARTNER)),
          )
          .where(inArray(products.id, [...opts.productIds]))
      : [],
    opts.kitIds.length
      ? db
          .select({ kit: productKits, entityPrice: productKitPrices.priceCents })
          .from(productKits)
          .leftJoin(
            productKitPrices,
            and(eq(productKitPrices.kitId, productKits.id), eq(productKitPrices.entityId, opts.entityId)),
          )
          .where(inArray(productKits.id, [...opts.kitIds]))
      : [],
    opts.kitIds.length
      ? db
          .select({ kitId: productKitItems.kitId, quantity: productKitItems.quantity, product: products })
          .from(productKitItems)
          .innerJoin(products, eq(products.id, productKitItems.productId))
          .where(inArray(productKitItems.kitId, [...opts.kitIds]))
          .orderBy(asc(products.sku))
      : [],
  ]);
  const productsById = new Map(
    productRows.map(({ product: p, entityPrice, wholesalePrice }): [string, Sellable] => [
      p.id,
      {
        productId: p.id,
        kitId: null,
        name: p.name,
        nameEn: p.nameEn,
        category: p.categoryCode,
        vatRate: p.vatRate,
        entityPrice,
        wholesalePrice,
        labourMinutes: unitLabour(p),
        specification: (labour, language) => productSpecification(p, labour, language),
      },
    ]),
  );
  const kitsById = new Map(
    kitRows.map(({ kit, entityPrice }): [string, Sellable] => {
      // Components in the order a technician reads them: charger first, then cable, mounting, labour, cabinet, metering.
      const components = componentRows
        .filter((c) => c.kitId === kit.id)
        .sort(
          (a, b) =>
            PRODUCT_CATEGORIES.indexOf(a.product.categoryCode) - PRODUCT_CATEGORIES.indexOf(b.product.categoryCode),
        );
      return [
        kit.id,
        {
          productId: null,
          kitId: kit.id,
          name: kit.name,
          nameEn: kit.nameEn,
          category: kit.categoryCode,
          vatRate: kit.vatRate,
          entityPrice,
          wholesalePrice: null,
          labourMinutes: components.reduce((a, c) => a + unitLabour(c.product) * c.quantity, 0),
          specification: (labour, language) => kitSpecification(kit.code, components, labour, language),
        },
      ];
    }),
  );
  return { productsById, kitsById };
}
