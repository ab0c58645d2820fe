import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type LeadListItem as LeadListItemSchema, LeadPage } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

// GET /api/leads: ops see every lead, a partner its own (the server scopes by role).
export type LeadListItem = z.infer<typeof LeadListItemSchema>;
export const listLeadsEndpoint = endpoint('GET', '/api/leads', LeadPage);

export type LeadFilters = {
  page: number;
  status?: string;
  entity?: string;
  region?: string;
  minScore?: string;
  overdue?: string;
  q?: string;
};

export function useLeads(filters: LeadFilters) {
  return useQuery({
    queryKey: ['leads', 'list', filters],
    queryFn: ({ signal }) => request(listLeadsEndpoint, { query: { ...filters, pageSize: 50 }, signal }),
    placeholderData: keepPreviousData,
  });
}
