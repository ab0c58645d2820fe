import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { issueOrderInvoices } from './issue-order-invoices.ts';
import { issueMonthlyPartnerInvoice } from './issue-monthly-partner-invoice.ts';
import { issueCreditNote, type CreditNoteOptions } from './issue-credit-note.ts';
import { recordPayment, type PaymentInput } from './record-payment.ts';
import { detectOverdueInvoices } from './detect-overdue.ts';
import { getInvoice, listInvoices, type ListInvoicesOptions } from '../../read-models/invoice-list.ts';
import { loadInvoiceDocument } from '../../read-models/invoice-document.ts';
import { invoiceUbl } from './ubl/invoice-ubl.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';
import { commissionStatement } from '../../read-models/commission-statement.ts';
import { profitAndLoss } from '../../read-models/profit-and-loss.ts';
import { subscribeTo, type ModuleWorkers } from '../../platform/events/subscribers.ts';
import { invoiceCompletedOrder } from './invoice-on-completion.ts';
import { mailIssuedInvoice } from './send-invoice-mail.ts';

export { billingRoutes } from './billing.routes.ts';
export { recordPaymentReminder } from './record-payment-reminder.ts';

/** Billing: invoices split by payer, credit notes, payments, UBL, commissions and the P&L per entity. */
export function createBillingService(deps: { db: Db }) {
  const { db } = deps;
  return {
    issueForOrder: (actor: Actor, orderId: string, payer?: 'customer' | 'partner') =>
      issueOrderInvoices(db, actor, { orderId, payer }),
    issueMonthlyForPartner: (actor: Actor, opts: { partnerId: string; entityId: string; month: string }) =>
      issueMonthlyPartnerInvoice(db, actor, opts),
    creditNote: (actor: Actor, opts: CreditNoteOptions) => issueCreditNote(db, actor, opts),
    recordPayment: (actor: Actor, input: PaymentInput) => recordPayment(db, actor, input),
    detectOverdue: () => detectOverdueInvoices(db),
    list: (actor: Actor, opts: ListInvoicesOptions) => listInvoices(db, actor, opts),
    get: (actor: Actor, id: string) => getInvoice(db, actor, id),
    ubl: async (actor: Actor, id: string) => invoiceUbl(await loadInvoiceDocument(db, actor, id)),
    pdf: async (actor: Actor, id: string, language: 'nl' | 'en') =>
      renderInvoicePdf(await loadInvoiceDocument(db, actor, id), language),
    /** A partner reads only its own statement; another partner's id answers 404. */
    commissionStatement(actor: Actor, partnerId: string, month: string) {
      if (actor.role === 'partner' && actor.partnerId !== partnerId) throw notFound('Partner', 'Partner');
      return commissionStatement(db, partnerId, month);
    },
    profitAndLoss: (opts: { entityId: string; from: string; to: string }) => profitAndLoss(db, opts),
    /** Issues a completed order's invoices when its entity invoices on completion; the subscriber below calls it. */
    invoiceCompletedOrder: (orderId: string) => invoiceCompletedOrder(db, orderId),
    workers: (): ModuleWorkers => ({
      subscribers: [
        subscribeTo({
          queue: 'event.billing.invoice-mail',
          eventTypes: ['invoice.issued'],
          handle: async (event) => {
            await mailIssuedInvoice(db, event.subjectId);
          },
        }),
        subscribeTo({
          queue: 'event.billing.invoice-on-completion',
          eventTypes: ['order.completed'],
          handle: async (event) => {
            await invoiceCompletedOrder(db, event.subjectId);
          },
        }),
      ],
      schedules: [],
      loops: [],
    }),
  };
}
export type BillingService = ReturnType<typeof createBillingService>;
