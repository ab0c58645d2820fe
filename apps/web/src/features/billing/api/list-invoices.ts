import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { pagedSchema } from '../../../lib/http/paged';

export const invoiceListItemSchema = z.object({
  id: z.string(), number: z.string(), entityId: z.string(), kind: z.string(), payer: z.string(), payerName: z.string(), orderId: z.nullable(z.string()),
  issueDate: z.string(), dueDate: z.string(), status: z.string(), subtotalCents: z.number(), vatCents: z.number(), totalCents: z.number(), paidCents: z.number(),
  periodMonth: z.nullable(z.string()), creditedInvoiceId: z.nullable(z.string()),
  // Reverse charge ("Btw verlegd"): no VAT on the invoice, the buyer's VAT number instead.
  reverseCharge: z.boolean(), buyerVatNumber: z.nullable(z.string()),
});
export type InvoiceListItem = z.infer<typeof invoiceListItemSchema>;
export type InvoiceListParams = { page: number; pageSize: number; status?: string | undefined };

/** GET /api/invoices: a partner sees what it pays, a customer what they pay, staff all. */
export function useInvoices(params: InvoiceListParams) {
  return useQuery({
    queryKey: ['invoices', 'list', params],
    queryFn: ({ signal }) => request('/api/invoices', pagedSchema(invoiceListItemSchema), { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
