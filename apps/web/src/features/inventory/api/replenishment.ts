import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreatedPurchaseOrder, ReorderSuggestion } from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { ReorderSuggestion };

/** GET /api/inventory/reorder-suggestions: min/max per product and place, with what to order. */
export const reorderSuggestionsEndpoint = endpoint(
  'GET',
  '/api/inventory/reorder-suggestions',
  z.array(ReorderSuggestion),
);
/** POST /api/inventory/purchase-orders: a draft order to the supplier, prefilled from a suggestion. */
export const createPurchaseOrderEndpoint = endpoint('POST', '/api/inventory/purchase-orders', CreatedPurchaseOrder);

export function useReorderSuggestions(onlyDue: boolean) {
  const query = onlyDue ? { due: 'true' } : {};
  return useQuery({
    queryKey: ['inventory', 'reorder', query],
    queryFn: ({ signal }) => request(reorderSuggestionsEndpoint, { query, signal }),
  });
}

export function useOrderSuggestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: ReorderSuggestion) =>
      request(createPurchaseOrderEndpoint, {
        body: {
          entityId: 'chargecars',
          supplierLocationId: s.supplierLocationId,
          destinationLocationId: s.locationId,
          lines: [{ productId: s.productId, quantity: s.suggested }],
        },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}
