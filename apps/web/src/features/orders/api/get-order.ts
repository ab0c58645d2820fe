import { useQuery } from '@tanstack/react-query';
import { OrderDetail as OrderDetailSchema } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type OrderDetail = z.infer<typeof OrderDetailSchema>;
export type Milestone = OrderDetail['milestones'][number];

/** GET /api/orders/:id; 404 when the order is not visible to the caller. */
export const getOrderEndpoint = endpoint('GET', '/api/orders/:id', OrderDetailSchema);

export function getOrder(id: string, signal?: AbortSignal) {
  return request(getOrderEndpoint, { params: { id }, signal });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: ['orders', 'detail', id], queryFn: ({ signal }) => getOrder(id, signal) });
}
