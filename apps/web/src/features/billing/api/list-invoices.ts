import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type InvoiceListItem as InvoiceListItemSchema, InvoicePage } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';
import type { ListParams } from '../../../lib/http/paged';

export type InvoiceListItem = z.infer<typeof InvoiceListItemSchema>;
/** Search (number, customer or partner name) and the filters the list offers, as the URL holds them. */
export type InvoiceListParams = ListParams & {
  status?: string | undefined;
  entityId?: string | undefined;
  payer?: string | undefined;
  overdue?: string | undefined;
  orderId?: string | undefined;
  customerId?: string | undefined;
  partnerId?: string | undefined;
};

/** GET /api/invoices: a partner sees what it pays, a customer what they pay, staff all. */
export const listInvoicesEndpoint = endpoint('GET', '/api/invoices', InvoicePage);

export function useInvoices(params: InvoiceListParams) {
  // The list has no sort of its own (newest first); `sort` from the URL is not sent.
  const { sort: _sort, ...query } = params;
  return useQuery({
    queryKey: ['invoices', 'list', query],
    queryFn: ({ signal }) => request(listInvoicesEndpoint, { query, signal }),
    placeholderData: keepPreviousData,
  });
}
