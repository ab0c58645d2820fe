import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type InvoiceListItem as InvoiceListItemSchema, InvoicePage } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type InvoiceListItem = z.infer<typeof InvoiceListItemSchema>;
export type InvoiceListParams = { page: number; pageSize: number; status?: string | undefined };

/** GET /api/invoices: a partner sees what it pays, a customer what they pay, staff all. */
export const listInvoicesEndpoint = endpoint('GET', '/api/invoices', InvoicePage);

export function useInvoices(params: InvoiceListParams) {
  return useQuery({
    queryKey: ['invoices', 'list', params],
    queryFn: ({ signal }) => request(listInvoicesEndpoint, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
