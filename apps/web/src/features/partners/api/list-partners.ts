import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type PartnerListItem as PartnerListItemSchema, PartnerPage } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';
import type { ListParams } from '../../../lib/http/paged';

// GET /api/partners (admin, operations, planner): every partner with its order count.
export type PartnerListItem = z.infer<typeof PartnerListItemSchema>;
export const listPartnersEndpoint = endpoint('GET', '/api/partners', PartnerPage);

export type PartnerListParams = ListParams & { category?: string | undefined };

export function usePartners(params: PartnerListParams) {
  return useQuery({
    queryKey: ['partners', 'list', params],
    queryFn: ({ signal }) => request(listPartnersEndpoint, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
