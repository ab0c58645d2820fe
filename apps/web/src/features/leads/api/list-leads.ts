import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { pagedSchema } from '../../../lib/http/paged';

// GET /api/leads: ops see every lead, a partner its own (the server scopes by role).
export const leadListItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  name: z.string(),
  email: z.string(),
  postcode: z.nullish(z.string()),
  city: z.nullish(z.string()),
  entityId: z.string(),
  regionCode: z.nullish(z.string()),
  partnerName: z.nullish(z.string()),
  source: z.string(),
  score: z.nullish(z.number()),
  isRepeat: z.boolean(),
  receivedAt: z.string(),
  overdue: z.boolean(),
});
export type LeadListItem = z.infer<typeof leadListItemSchema>;

export type LeadFilters = { page: number; status?: string; entity?: string; region?: string; minScore?: string; overdue?: string; q?: string };

export function useLeads(filters: LeadFilters) {
  return useQuery({
    queryKey: ['leads', 'list', filters],
    queryFn: ({ signal }) => request('/api/leads', pagedSchema(leadListItemSchema), { query: { ...filters, pageSize: 50 }, signal }),
    placeholderData: keepPreviousData,
  });
}
