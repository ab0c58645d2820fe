import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type OrderListItem as OrderListItemSchema, OrderPage } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';
import type { ListParams } from '../../../lib/http/paged';

// The server scopes the list by role.
export type OrderListItem = z.infer<typeof OrderListItemSchema>;
export const listOrdersEndpoint = endpoint('GET', '/api/orders', OrderPage);

export type OrderListParams = ListParams & { stage?: string | undefined };

export function listOrders(params: OrderListParams, signal?: AbortSignal) {
  return request(listOrdersEndpoint, { query: params, signal });
}

export function useOrders(params: OrderListParams) {
  return useQuery({
    queryKey: ['orders', 'list', params],
    queryFn: ({ signal }) => listOrders(params, signal),
    placeholderData: keepPreviousData,
  });
}
