import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IssuedInvoice, PaymentRecorded } from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

// Ops' actions on invoices (admin and operations): issue an order's invoices, the monthly partner
// invoice, a payment, a credit note. Each refreshes every invoice query and the orders (stage, lines).

/** POST /api/orders/:id/invoices: the completed order's invoices, one per payer. */
export const issueOrderInvoicesEndpoint = endpoint('POST', '/api/orders/:id/invoices', z.array(IssuedInvoice));
/** POST /api/partners/:id/monthly-invoice: a month's partner lines of one agreement on one invoice. */
export const issueMonthlyInvoiceEndpoint = endpoint('POST', '/api/partners/:id/monthly-invoice', IssuedInvoice);
/** POST /api/invoices/:id/payments: a (partial) payment; more than is open is refused. */
export const recordPaymentEndpoint = endpoint('POST', '/api/invoices/:id/payments', PaymentRecorded);
/** POST /api/invoices/:id/credit-note: in full, or some lines each for a quantity. */
export const issueCreditNoteEndpoint = endpoint('POST', '/api/invoices/:id/credit-note', IssuedInvoice);

export type PaymentInput = {
  amountCents: number;
  paidAt: string;
  method: 'bank_transfer' | 'ideal' | 'direct_debit';
  reference?: string;
};
export type CreditNoteInput = { reason: string; lines?: { position: number; quantity: number }[] };

function useRefreshingMutation<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

export const useIssueOrderInvoices = (orderId: string) =>
  useRefreshingMutation((payer: 'customer' | 'partner' | undefined) =>
    request(issueOrderInvoicesEndpoint, { params: { id: orderId }, body: payer ? { payer } : {} }),
  );

export const useIssueMonthlyInvoice = () =>
  useRefreshingMutation((input: { partnerId: string; entityId: string; month: string }) =>
    request(issueMonthlyInvoiceEndpoint, {
      params: { id: input.partnerId },
      body: { entityId: input.entityId, month: input.month },
    }),
  );

export const useRecordPayment = (invoiceId: string) =>
  useRefreshingMutation((input: PaymentInput) =>
    request(recordPaymentEndpoint, { params: { id: invoiceId }, body: input }),
  );

export const useIssueCreditNote = (invoiceId: string) =>
  useRefreshingMutation((input: CreditNoteInput) =>
    request(issueCreditNoteEndpoint, { params: { id: invoiceId }, body: input }),
  );
