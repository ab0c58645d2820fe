import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const timelineSchema = z.array(z.object({ at: z.string(), kind: z.string(), fromStage: z.nullable(z.string()), toStage: z.nullable(z.string()), reason: z.nullable(z.string()), actorName: z.string() }));
export type OrderTimeline = z.infer<typeof timelineSchema>;

/** GET /api/orders/:id/timeline: creation and every stage change, oldest first. */
export function useOrderTimeline(id: string) {
  return useQuery({ queryKey: ['orders', 'timeline', id], queryFn: ({ signal }) => request(`/api/orders/${encodeURIComponent(id)}/timeline`, timelineSchema, { signal }) });
}
