import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { pagedSchema } from '../../../lib/http/paged';

export const visitTypeSchema = z.enum(['survey', 'installation', 'meter_replacement']);
export const blockSchema = z.enum(['morning', 'afternoon']);

// docs/api-foundation.md, GET /api/visits items.
export const visitSchema = z.object({
  id: z.string(),
  number: z.string(),
  orderNumber: z.nullish(z.string()),
  type: visitTypeSchema,
  status: z.string(),
  date: z.string(),
  block: blockSchema,
  teamName: z.nullish(z.string()),
  customerName: z.string(),
  phone: z.nullish(z.string()),
  street: z.nullish(z.string()),
  houseNumber: z.nullish(z.union([z.string(), z.number()])),
  postcode: z.nullish(z.string()),
  city: z.nullish(z.string()),
  lat: z.nullish(z.number()),
  lon: z.nullish(z.number()),
  durationMinutes: z.nullish(z.number()),
  notes: z.nullish(z.string()),
});
export type Visit = z.infer<typeof visitSchema>;

const visitPageSchema = pagedSchema(visitSchema);

export type VisitListParams = { date: string; teamId?: string | undefined };

/** A team does at most a few visits a day; one page of 200 is the whole day. */
export function listVisits(params: VisitListParams, signal?: AbortSignal) {
  return request('/api/visits', visitPageSchema, { query: { ...params, page: 1, pageSize: 200 }, signal });
}

export function useVisits(params: VisitListParams) {
  return useQuery({ queryKey: ['visits', 'list', params], queryFn: ({ signal }) => listVisits(params, signal) });
}
