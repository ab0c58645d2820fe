import { useQuery } from '@tanstack/react-query';
import { CatalogItems, type CatalogItem as CatalogItemSchema } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type CatalogItem = z.infer<typeof CatalogItemSchema>;

/** GET /api/catalog/items?entityId=: the products and kits the entity sells, at its prices. */
export const catalogItemsEndpoint = endpoint('GET', '/api/catalog/items', CatalogItems);

export function useCatalogItems(entityId: string) {
  return useQuery({
    queryKey: ['catalog', 'items', entityId],
    enabled: entityId !== '',
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => request(catalogItemsEndpoint, { query: { entityId }, signal }),
  });
}
