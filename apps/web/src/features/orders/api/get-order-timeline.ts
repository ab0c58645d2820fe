import { useQuery } from '@tanstack/react-query';
import { OrderTimeline as OrderTimelineSchema } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type OrderTimeline = z.infer<typeof OrderTimelineSchema>;

/** GET /api/orders/:id/timeline: creation and every stage change, oldest first. */
export const orderTimelineEndpoint = endpoint('GET', '/api/orders/:id/timeline', OrderTimelineSchema);

export function useOrderTimeline(id: string) {
  return useQuery({
    queryKey: ['orders', 'timeline', id],
    queryFn: ({ signal }) => request(orderTimelineEndpoint, { params: { id }, signal }),
  });
}
