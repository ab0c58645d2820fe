import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { pagedSchema, type ListParams } from '../../../lib/http/paged';

// docs/api-foundation.md, GET /api/orders items. The server scopes the list by role.
export const orderListItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  customerName: z.string(),
  postcode: z.nullish(z.string()),
  city: z.nullish(z.string()),
  entity: z.string(),
  partnerName: z.nullish(z.string()),
  stage: z.string(),
  progress: z.nullish(z.number()),
  totalCents: z.number(),
  createdAt: z.string(),
});
export type OrderListItem = z.infer<typeof orderListItemSchema>;

const orderPageSchema = pagedSchema(orderListItemSchema);

export type OrderListParams = ListParams & { stage?: string | undefined };

export function listOrders(params: OrderListParams, signal?: AbortSignal) {
  return request('/api/orders', orderPageSchema, { query: params, signal });
}

export function useOrders(params: OrderListParams) {
  return useQuery({
    queryKey: ['orders', 'list', params],
    queryFn: ({ signal }) => listOrders(params, signal),
    placeholderData: keepPreviousData,
  });
}
