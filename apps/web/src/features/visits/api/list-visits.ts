import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../lib/http/http-client';
import { pagedSchema } from '../../../lib/http/paged';

export const visitTypeSchema = z.enum(['survey', 'installation', 'meter_replacement']);
export const blockSchema = z.enum(['morning', 'afternoon']);

// docs/api-foundation.md, GET /api/visits items.
export const visitSchema = z.object({
  id: z.string(),
  number: z.string(),
  orderNumber: z.string().nullish(),
  type: visitTypeSchema,
  status: z.string(),
  date: z.string(),
  block: blockSchema,
  teamName: z.string().nullish(),
  customerName: z.string(),
  phone: z.string().nullish(),
  street: z.string().nullish(),
  houseNumber: z.union([z.string(), z.number()]).nullish(),
  postcode: z.string().nullish(),
  city: z.string().nullish(),
  lat: z.number().nullish(),
  lon: z.number().nullish(),
  durationMinutes: z.number().nullish(),
  notes: z.string().nullish(),
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
