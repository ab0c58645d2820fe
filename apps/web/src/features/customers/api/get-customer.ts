import { useQuery } from '@tanstack/react-query';
import { CustomerDetail as CustomerDetailSchema } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type CustomerDetail = z.infer<typeof CustomerDetailSchema>;
export type Note = CustomerDetail['notes'][number];

export const getCustomerEndpoint = endpoint('GET', '/api/customers/:id', CustomerDetailSchema);

export const customerQueryKey = (id: string) => ['customers', 'detail', id] as const;

export function getCustomer(id: string, signal?: AbortSignal) {
  return request(getCustomerEndpoint, { params: { id }, signal });
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerQueryKey(id), queryFn: ({ signal }) => getCustomer(id, signal) });
}
