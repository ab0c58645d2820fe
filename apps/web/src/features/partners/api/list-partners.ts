import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { pagedSchema, type ListParams } from '../../../lib/http/paged';

// GET /api/partners (admin, operations, planner): every partner with its order count.
export const partnerListItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  category: z.string(),
  entityId: z.string(),
  status: z.string(),
  email: z.string(),
  orders: z.number(),
  createdAt: z.string(),
});
export type PartnerListItem = z.infer<typeof partnerListItemSchema>;

export type PartnerListParams = ListParams & { category?: string | undefined };

export function usePartners(params: PartnerListParams) {
  return useQuery({
    queryKey: ['partners', 'list', params],
    queryFn: ({ signal }) => request('/api/partners', pagedSchema(partnerListItemSchema), { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
