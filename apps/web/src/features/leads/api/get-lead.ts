import { useQuery } from '@tanstack/react-query';
import { LeadDetail as LeadDetailSchema } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type LeadDetail = z.infer<typeof LeadDetailSchema>;
export const getLeadEndpoint = endpoint('GET', '/api/leads/:id', LeadDetailSchema);

export const leadQueryKey = (id: string) => ['leads', 'detail', id];

export function useLead(id: string, enabled = true) {
  return useQuery({
    queryKey: leadQueryKey(id),
    enabled,
    queryFn: ({ signal }) => request(getLeadEndpoint, { params: { id }, signal }),
  });
}
