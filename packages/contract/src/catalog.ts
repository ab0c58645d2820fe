import { z } from 'zod';
import { Text } from './common.ts';
import { ProductCategory } from './quotes.ts';

export const CatalogItemsQuery = z.object({ entityId: Text.min(1) });

/**
 * Something an entity sells, as the quote editor picks it: a product or a kit (a package of products
 * and labour on one line), with the entity's price excl. VAT. A kit lists its components per package.
 */
export const CatalogItem = z
  .object({
    kind: z.enum(['product', 'kit']),
    id: Text,
    code: Text,
    name: Text,
    /** The name in English (issue 16); null when the catalogue has none, and the Dutch name is shown. */
    nameEn: Text.nullable(),
    category: ProductCategory,
    unit: z.enum(['piece', 'meter', 'hour']),
    priceCents: z.number().int(),
    vatRate: z.number().int(),
    components: z.array(z.object({ code: Text, name: Text, nameEn: Text.nullable(), quantity: z.number() })),
  })
  .meta({ id: 'CatalogItem' });
export const CatalogItems = z.object({ items: z.array(CatalogItem) });
