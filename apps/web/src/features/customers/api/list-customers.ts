import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { pagedSchema, type ListParams } from '../../../lib/http/paged';

// docs/api-foundation.md, GET /api/customers items.
export const customerListItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  email: z.nullish(z.string()),
  phone: z.nullish(z.string()),
  postcode: z.nullish(z.string()),
  houseNumber: z.nullish(z.union([z.string(), z.number()])),
  houseNumberAddition: z.nullish(z.string()),
  city: z.nullish(z.string()),
  status: z.string(),
  entities: z.array(z.string()),
  createdAt: z.string(),
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

const customerPageSchema = pagedSchema(customerListItemSchema);

export type CustomerListParams = ListParams & { entity?: string | undefined; status?: string | undefined };

export function listCustomers(params: CustomerListParams, signal?: AbortSignal) {
  return request('/api/customers', customerPageSchema, { query: params, signal });
}

export function useCustomers(params: CustomerListParams) {
  return useQuery({
    queryKey: ['customers', 'list', params],
    queryFn: ({ signal }) => listCustomers(params, signal),
    // Keep the current page on screen while the next one loads: no flashing empty table.
    placeholderData: keepPreviousData,
  });
}
