import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { notFound } from '../../platform/errors.ts';
import { invoices, payments } from './billing.schema.ts';
import { billingErrors } from './billing.errors.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import { ordersOfInvoice } from '../../read-models/order-facts.ts';
import { advanceOrder } from '../orders/index.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

export type PaymentInput = {
  invoiceId: string;
  amountCents: number;
  paidAt: string;
  method: 'bank_transfer' | 'ideal' | 'direct_debit';
  reference?: string | undefined;
};

/** Books a (partial) payment; more than what is open is refused rather than silently kept. */
export async function recordPayment(db: Db, actor: Actor, opts: PaymentInput) {
  return db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, opts.invoiceId)).for('update');
    if (!invoice) throw notFound('Factuur', 'Invoice');
    if (invoice.kind !== 'invoice' || invoice.status === 'paid' || invoice.status === 'cancelled')
      throw billingErrors.notPayable(invoice.status);
    // What credit notes took back is no longer owed.
    const openCents = invoice.totalCents - invoice.paidCents - invoice.creditedCents;
    if (opts.amountCents > openCents) throw billingErrors.paymentTooLarge(openCents);
    await tx.insert(payments).values({
      invoiceId: invoice.id,
      amountCents: opts.amountCents,
      paidAt: new Date(opts.paidAt),
      method: opts.method,
      reference: opts.reference ?? null,
    });
    const paidCents = invoice.paidCents + opts.amountCents;
    const status =
      paidCents + invoice.creditedCents >= invoice.totalCents
        ? ('paid' as const)
        : invoice.dueDate < todayInAmsterdam()
          ? ('overdue' as const)
          : ('partially_paid' as const);
    await tx.update(invoices).set({ paidCents, status }).where(eq(invoices.id, invoice.id));
    await recordAudit(tx, actor, {
      action: 'invoice.payment_recorded',
      subjectType: 'invoice',
      subjectId: invoice.id,
      before: { paidCents: invoice.paidCents, status: invoice.status },
      after: { paidCents, status },
    });
    await emitEvent(tx, {
      type: status === 'paid' ? 'invoice.paid' : 'invoice.payment_recorded',
      subjectType: 'invoice',
      subjectId: invoice.id,
      data: { number: invoice.number, paidCents, status },
      audience: { partnerId: invoice.partnerId, customerId: invoice.customerId },
    });
    // Paid in full closes each order whose invoices are now all paid (order-lifecycle.ts), in this transaction.
    if (status === 'paid')
      for (const orderId of await ordersOfInvoice(tx, invoice.id))
        await advanceOrder(tx, actor, orderId, sentence('order.invoice_paid', { invoice: invoice.number }));
    return { id: invoice.id, status, paidCents, openCents: openCents - opts.amountCents };
  });
}
