import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { invoiceLines, invoices } from './billing.schema.ts';
import { billingErrors } from './billing.errors.ts';
import { issueInvoice } from './issue-invoice.ts';

/**
 * Credits an invoice in full with a reason: a credit note in the same gapless series (an issued
 * invoice is never changed or deleted). An unpaid invoice is then cancelled.
 */
export async function issueCreditNote(db: Db, actor: Actor, opts: { invoiceId: string; reason: string }) {
  return db.transaction(async (tx) => {
    const [original] = await tx.select().from(invoices).where(eq(invoices.id, opts.invoiceId)).for('update');
    if (!original) throw notFound('Factuur');
    const [existing] = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.creditedInvoiceId, original.id), eq(invoices.kind, 'credit_note')));
    if (original.kind !== 'invoice' || existing || original.status === 'cancelled') throw billingErrors.notCreditable();
    const lines = await tx
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, original.id))
      .orderBy(asc(invoiceLines.position));
    const note = await issueInvoice(tx, actor, {
      entityId: original.entityId,
      payer: original.payer,
      customerId: original.customerId,
      partnerId: original.partnerId,
      orderId: original.orderId,
      kind: 'credit_note',
      creditedInvoiceId: original.id,
      reason: opts.reason,
      paymentTermDays: 0,
      // A credit note mirrors the invoice it corrects, VAT treatment and buyer's VAT number included.
      buyerVatNumber: original.buyerVatNumber,
      lines: lines.map((l) => ({
        description: l.description,
        quantity: Number(l.quantity),
        unitPriceCents: l.unitPriceCents,
        vatRate: l.vatRate,
        vatCategory: l.vatCategory,
        totalCents: l.totalCents,
        orderId: l.orderId,
      })),
    });
    if (original.paidCents === 0)
      await tx.update(invoices).set({ status: 'cancelled' }).where(eq(invoices.id, original.id));
    return { id: note.id, number: note.number, payer: note.payer, totalCents: note.totalCents };
  });
}
