import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { advanceOrder, lockOrderForInvoicing, markLinesInvoiced } from '../orders/index.ts';
import { agreementOn } from '../partners/index.ts';
import { billingErrors } from './billing.errors.ts';
import { issueInvoice } from './issue-invoice.ts';
import { invoiceLines, invoices } from './billing.schema.ts';
import { applyVatTreatment, vatTreatmentFor } from './vat-treatment.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

export const CUSTOMER_PAYMENT_TERM_DAYS = 14;
const BILLABLE = ['completed', 'invoiced', 'closed'];

/** The partner's payment term from its agreement with the entity (30 days when there is none). */
export async function partnerTermDays(db: DbOrTx, partnerId: string, entityId: string) {
  const agreement = await agreementOn(db, partnerId, entityId, todayInAmsterdam());
  return agreement?.paymentTermDays ?? 30;
}

/**
 * Invoices a completed order split by payer: the customer's lines to the customer, the partner's to
 * the partner. With `payer` only that side is invoiced (the partner's lines may wait for the monthly invoice).
 */
export async function issueOrderInvoices(
  db: Db,
  actor: Actor,
  opts: { orderId: string; payer?: 'customer' | 'partner' | undefined },
) {
  return db.transaction(async (tx) => {
    const locked = await lockOrderForInvoicing(tx, opts.orderId);
    if (!locked) throw notFound('Order', 'Order');
    const { order, open } = locked;
    if (!BILLABLE.includes(order.stage)) throw billingErrors.orderNotComplete(order.stage);
    const issued = [];
    for (const payer of ['customer', 'partner'] as const) {
      if (opts.payer && opts.payer !== payer) continue;
      const own = open.filter((l) => l.billTo === payer);
      if (!own.length || (payer === 'partner' && !order.partnerId)) continue;
      const termDays =
        payer === 'partner' ? await partnerTermDays(tx, order.partnerId!, order.entityId) : CUSTOMER_PAYMENT_TERM_DAYS;
      const vat = await vatTreatmentFor(tx, payer, order.partnerId);
      const lines = own.map((l) => ({
        description: l.description,
        descriptionEn: l.descriptionEn,
        quantity: Number(l.quantity),
        unitPriceCents: l.unitPriceCents,
        vatRate: l.vatRate,
        vatCategory: l.vatCategory,
        totalCents: l.totalCents,
        orderId: order.id,
      }));
      issued.push(
        await issueInvoice(tx, actor, {
          entityId: order.entityId,
          payer,
          customerId: payer === 'customer' ? order.customerId : null,
          partnerId: payer === 'partner' ? order.partnerId : null,
          orderId: order.id,
          lines: applyVatTreatment(lines, vat),
          buyerVatNumber: vat.buyerVatNumber,
          paymentTermDays: termDays,
        }),
      );
      await markLinesInvoiced(
        tx,
        own.map((l) => l.id),
      );
    }
    if (!issued.length) {
      // Invoicing twice: name the invoices that already hold the order's lines.
      const earlier = await invoiceNumbersOfOrder(tx, order.id);
      throw earlier.length ? billingErrors.alreadyInvoiced(earlier) : billingErrors.nothingToInvoice();
    }
    // Every line invoiced moves the order to invoiced (order-lifecycle.ts), in this transaction.
    await advanceOrder(tx, actor, order.id, sentence('order.invoiced', { invoices: issued.map((i) => i.number) }));
    return issued.map((i) => ({ id: i.id, number: i.number, payer: i.payer, totalCents: i.totalCents }));
  });
}

/** The invoices (not credit notes) with a line of the order: its own, or a monthly partner invoice. */
async function invoiceNumbersOfOrder(db: DbOrTx, orderId: string) {
  const rows = await db
    .selectDistinct({ number: invoices.number })
    .from(invoices)
    .innerJoin(invoiceLines, eq(invoiceLines.invoiceId, invoices.id))
    .where(and(eq(invoiceLines.orderId, orderId), eq(invoices.kind, 'invoice')))
    .orderBy(asc(invoices.number));
  return rows.map((r) => r.number);
}
