import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { advanceOrder, lockUninvoicedPartnerLines, markLinesInvoiced } from '../orders/index.ts';
import { billingErrors } from './billing.errors.ts';
import { issueInvoice } from './issue-invoice.ts';
import { partnerTermDays } from './issue-order-invoices.ts';
import { applyVatTreatment, vatTreatmentFor } from './vat-treatment.ts';
import { monthBounds } from '../../platform/calendar.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

/**
 * One consolidated invoice per partner agreement (partner and entity) for the month: every partner
 * line of its orders completed in that month that no invoice holds yet, each line naming its order.
 */
export async function issueMonthlyPartnerInvoice(
  db: Db,
  actor: Actor,
  opts: { partnerId: string; entityId: string; month: string },
) {
  const { from, to } = monthBounds(opts.month);
  return db.transaction(async (tx) => {
    const open = await lockUninvoicedPartnerLines(tx, {
      partnerId: opts.partnerId,
      entityId: opts.entityId,
      completedFrom: from,
      completedTo: to,
    });
    if (!open.length) throw billingErrors.nothingToInvoice();
    const vat = await vatTreatmentFor(tx, 'partner', opts.partnerId);
    const lines = open.map(({ line, number }) => ({
      description: `${number}: ${line.description}`,
      descriptionEn: line.descriptionEn ? `${number}: ${line.descriptionEn}` : null,
      quantity: Number(line.quantity),
      unitPriceCents: line.unitPriceCents,
      vatRate: line.vatRate,
      vatCategory: line.vatCategory,
      totalCents: line.totalCents,
      orderId: line.orderId,
    }));
    const invoice = await issueInvoice(tx, actor, {
      entityId: opts.entityId,
      payer: 'partner',
      customerId: null,
      partnerId: opts.partnerId,
      orderId: null,
      periodMonth: opts.month,
      lines: applyVatTreatment(lines, vat),
      buyerVatNumber: vat.buyerVatNumber,
      paymentTermDays: await partnerTermDays(tx, opts.partnerId, opts.entityId),
    });
    await markLinesInvoiced(
      tx,
      open.map((o) => o.line.id),
    );
    for (const orderId of new Set(open.map((o) => o.line.orderId)))
      await advanceOrder(tx, actor, orderId, sentence('order.invoiced', { invoices: [invoice.number] }));
    return { id: invoice.id, number: invoice.number, payer: invoice.payer, totalCents: invoice.totalCents };
  });
}
