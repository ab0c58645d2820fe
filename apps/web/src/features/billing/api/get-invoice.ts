import { useQuery } from '@tanstack/react-query';
import { InvoiceDetail as InvoiceDetailSchema } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type InvoiceDetail = z.infer<typeof InvoiceDetailSchema>;

/** GET /api/invoices/:id: lines (with what can still be credited), payments and credit notes. */
export const getInvoiceEndpoint = endpoint('GET', '/api/invoices/:id', InvoiceDetailSchema);

export function useInvoice(id: string) {
  return useQuery({
    queryKey: ['invoices', 'detail', id],
    queryFn: ({ signal }) => request(getInvoiceEndpoint, { params: { id }, signal }),
  });
}
