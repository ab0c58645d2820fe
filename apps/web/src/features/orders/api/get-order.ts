import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { visitSummarySchema } from '../../../lib/http/visit-summary';
import { orderListItemSchema } from './list-orders';

export const orderLineSchema = z.object({
  description: z.string(),
  quantity: z.number(),
  unitPriceCents: z.number(),
  totalCents: z.number(),
  billTo: z.nullish(z.string()),
});

export const milestoneSchema = z.object({ code: z.string(), reachedAt: z.nullable(z.string()) });
export type Milestone = z.infer<typeof milestoneSchema>;

export const orderDetailSchema = z.extend(orderListItemSchema, {
  lines: z._default(z.array(orderLineSchema), []),
  milestones: z._default(z.array(milestoneSchema), []),
  visits: z._default(z.array(visitSummarySchema), []),
  nextStages: z._default(z.array(z.string()), []),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** GET /api/orders/:id; 404 when the order is not visible to the caller. */
export function getOrder(id: string, signal?: AbortSignal) {
  return request(`/api/orders/${encodeURIComponent(id)}`, orderDetailSchema, { signal });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: ['orders', 'detail', id], queryFn: ({ signal }) => getOrder(id, signal) });
}
