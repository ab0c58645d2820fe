import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const catalogItemSchema = z.object({
  kind: z.enum(['product', 'kit']), id: z.string(), code: z.string(), name: z.string(), category: z.string(), unit: z.string(), priceCents: z.number(), vatRate: z.number(),
  components: z.array(z.object({ code: z.string(), name: z.string(), quantity: z.number() })),
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;

/** GET /api/catalog/items?entityId=: the products and kits the entity sells, at its prices. */
export function useCatalogItems(entityId: string) {
  return useQuery({
    queryKey: ['catalog', 'items', entityId], enabled: entityId !== '', staleTime: 5 * 60_000,
    queryFn: ({ signal }) => request('/api/catalog/items', z.object({ items: z.array(catalogItemSchema) }), { query: { entityId }, signal }),
  });
}
