import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { documentTotals, lineVatCents } from '../../platform/money.ts';
import type { VatCategory } from '../../platform/vat.ts';
import { billingErrors } from './billing.errors.ts';
import { invoiceLines, invoices } from './billing.schema.ts';
import { nextInvoiceNumber } from './invoice-numbers.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';

export type InvoiceLineInput = {
  description: string;
  descriptionEn: string | null;
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  vatCategory: VatCategory;
  totalCents: number;
  orderId: string | null;
  /** On a credit note: the invoice line it takes back. */
  creditedLineId?: string;
};
export type IssueInvoiceOptions = {
  entityId: string;
  payer: 'customer' | 'partner';
  customerId: string | null;
  partnerId: string | null;
  orderId: string | null;
  lines: readonly InvoiceLineInput[];
  paymentTermDays: number;
  buyerVatNumber: string | null;
  kind?: 'invoice' | 'credit_note';
  creditedInvoiceId?: string;
  periodMonth?: string;
  reason?: string;
};

/** Writes one invoice (or credit note) with its gapless number, in the caller's transaction. */
export async function issueInvoice(tx: Tx, actor: Actor, opts: IssueInvoiceOptions) {
  const reverseCharge = opts.lines.some((l) => l.vatCategory === 'reverse_charge');
  // Checked before a number is taken; the database refuses it too (invoices_reverse_charge_vat_number).
  if (reverseCharge && !opts.buyerVatNumber) throw billingErrors.reverseChargeNotAllowed();
  const issueDate = todayInAmsterdam();
  const number = await nextInvoiceNumber(tx, opts.entityId, Number(issueDate.slice(0, 4)));
  const totals = documentTotals(opts.lines);
  const kind = opts.kind ?? 'invoice';
  const [invoice] = await tx
    .insert(invoices)
    .values({
      number,
      entityId: opts.entityId,
      kind,
      payer: opts.payer,
      customerId: opts.customerId,
      partnerId: opts.partnerId,
      orderId: opts.orderId,
      issueDate,
      dueDate: addDaysToDate(issueDate, opts.paymentTermDays),
      subtotalCents: totals.netCents,
      vatCents: totals.vatCents,
      totalCents: totals.grossCents,
      creditedInvoiceId: opts.creditedInvoiceId ?? null,
      periodMonth: opts.periodMonth ?? null,
      reason: opts.reason ?? null,
      buyerVatNumber: opts.buyerVatNumber,
      reverseCharge,
    })
    .returning();
  await tx.insert(invoiceLines).values(
    opts.lines.map((l, i) => ({
      invoiceId: invoice!.id,
      position: i + 1,
      description: l.description,
      descriptionEn: l.descriptionEn,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      totalCents: l.totalCents,
      vatCents: lineVatCents(l.totalCents, l.vatRate),
      orderId: l.orderId,
      creditedLineId: l.creditedLineId ?? null,
    })),
  );
  const after = { number, kind, payer: opts.payer, totalCents: invoice!.totalCents, reverseCharge };
  await recordAudit(tx, actor, {
    action: kind === 'invoice' ? 'invoice.issued' : 'credit_note.issued',
    subjectType: 'invoice',
    subjectId: invoice!.id,
    after,
  });
  await emitEvent(tx, {
    type: kind === 'invoice' ? 'invoice.issued' : 'credit_note.issued',
    subjectType: 'invoice',
    subjectId: invoice!.id,
    data: after,
    audience: { partnerId: opts.partnerId, customerId: opts.customerId },
  });
  return invoice!;
}
