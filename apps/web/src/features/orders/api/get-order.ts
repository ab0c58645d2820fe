import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../lib/http/http-client';
import { orderListItemSchema } from './list-orders';

export const orderLineSchema = z.object({
  description: z.string(),
  quantity: z.number(),
  unitPriceCents: z.number(),
  totalCents: z.number(),
  billTo: z.string().nullish(),
});

export const milestoneSchema = z.object({ name: z.string(), reachedAt: z.string().nullable() });
export type Milestone = z.infer<typeof milestoneSchema>;

// VisitSummary is not spelled out in docs/api-foundation.md; these are the fields shown.
export const orderVisitSchema = z.object({
  id: z.string(),
  number: z.string().nullish(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  date: z.string().nullish(),
  block: z.string().nullish(),
  teamName: z.string().nullish(),
});

export const orderDetailSchema = orderListItemSchema.extend({
  lines: z.array(orderLineSchema).default([]),
  milestones: z.array(milestoneSchema).default([]),
  visits: z.array(orderVisitSchema).default([]),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** GET /api/orders/:id; 404 when the order is not visible to the caller. */
export function getOrder(id: string, signal?: AbortSignal) {
  return request(`/api/orders/${encodeURIComponent(id)}`, orderDetailSchema, { signal });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: ['orders', 'detail', id], queryFn: ({ signal }) => getOrder(id, signal) });
}
