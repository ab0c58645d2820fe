import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type CustomerListItem as CustomerListItemSchema, CustomerPage } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';
import type { ListParams } from '../../../lib/http/paged';

export type CustomerListItem = z.infer<typeof CustomerListItemSchema>;
export const listCustomersEndpoint = endpoint('GET', '/api/customers', CustomerPage);

export type CustomerListParams = ListParams & { entity?: string | undefined; status?: string | undefined };

export function listCustomers(params: CustomerListParams, signal?: AbortSignal) {
  return request(listCustomersEndpoint, { query: params, signal });
}

export function useCustomers(params: CustomerListParams) {
  return useQuery({
    queryKey: ['customers', 'list', params],
    queryFn: ({ signal }) => listCustomers(params, signal),
    // Keep the current page on screen while the next one loads: no flashing empty table.
    placeholderData: keepPreviousData,
  });
}
