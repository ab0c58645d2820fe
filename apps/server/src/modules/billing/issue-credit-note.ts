import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { invoiceLines, invoices } from './billing.schema.ts';
import { billingErrors } from './billing.errors.ts';
import { issueInvoice } from './issue-invoice.ts';

export type CreditNoteOptions = {
  invoiceId: string;
  reason: string;
  /** Lines to credit (by position) and how much of each; without it, all that is still creditable. */
  lines?: readonly { position: number; quantity: number }[] | undefined;
};

/**
 * Credits an invoice, in full or per line, with a reason: a credit note in the same gapless series (an
 * issued invoice is never changed or deleted). Each credit line names the line it takes back, so no
 * line is credited for more than it holds. An unpaid invoice credited in full is then cancelled.
 */
export async function issueCreditNote(db: Db, actor: Actor, opts: CreditNoteOptions) {
  return db.transaction(async (tx) => {
    const [original] = await tx.select().from(invoices).where(eq(invoices.id, opts.invoiceId)).for('update');
    if (!original) throw notFound('Factuur', 'Invoice');
    if (original.kind !== 'invoice' || original.status === 'cancelled' || original.creditedCents >= original.totalCents)
      throw billingErrors.notCreditable();
    const lines = await tx
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, original.id))
      .orderBy(asc(invoiceLines.position));
    const credited = await creditedPerLine(
      tx,
      lines.map((l) => l.id),
    );
    const creditable = lines.map((l) => {
      const done = credited.get(l.id) ?? { quantity: 0, totalCents: 0 };
      return {
        line: l,
        quantity: round3(Number(l.quantity) - done.quantity),
        totalCents: l.totalCents - done.totalCents,
      };
    });
    const wanted = opts.lines?.length
      ? opts.lines.map((w) => {
          const c = creditable.find((x) => x.line.position === w.position);
          if (!c) throw billingErrors.unknownLine(w.position);
          if (w.quantity > c.quantity) throw billingErrors.creditExceedsInvoice(w.position, c.quantity);
          return { ...c, take: w.quantity };
        })
      : creditable.filter((c) => c.quantity > 0 || c.totalCents > 0).map((c) => ({ ...c, take: c.quantity }));
    if (!wanted.length) throw billingErrors.notCreditable();
    const creditLines = wanted.map(({ line, quantity, totalCents, take }) => ({
      description: line.description,
      descriptionEn: line.descriptionEn,
      quantity: take,
      unitPriceCents: line.unitPriceCents,
      vatRate: line.vatRate,
      vatCategory: line.vatCategory,
      // The last part of a line takes what is left of it, so the parts add up to the line to the cent.
      totalCents: take === quantity ? totalCents : Math.round((line.totalCents * take) / Number(line.quantity)),
      orderId: line.orderId,
      creditedLineId: line.id,
    }));
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
      lines: creditLines,
    });
    // VAT is rounded per line, so parts can differ a cent from the whole: once every line is credited in
    // full the invoice is, and a part never credits past its total.
    const allTaken = creditable.every(
      (c) => c.quantity <= 0 || wanted.some((w) => w.line.id === c.line.id && w.take === c.quantity),
    );
    const creditedCents = allTaken
      ? original.totalCents
      : Math.min(original.totalCents, original.creditedCents + note.totalCents);
    const open = original.totalCents - original.paidCents - creditedCents;
    const status =
      creditedCents === original.totalCents && original.paidCents === 0
        ? ('cancelled' as const)
        : open <= 0
          ? ('paid' as const)
          : original.status;
    await tx.update(invoices).set({ creditedCents, status }).where(eq(invoices.id, original.id));
    return { id: note.id, number: note.number, payer: note.payer, totalCents: note.totalCents };
  });
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** How much of each invoice line earlier credit notes took back. */
async function creditedPerLine(tx: Tx, lineIds: string[]) {
  if (!lineIds.length) return new Map<string, { quantity: number; totalCents: number }>();
  const rows = await tx
    .select({
      lineId: invoiceLines.creditedLineId,
      quantity: sql<string>`sum(${invoiceLines.quantity})`,
      totalCents: sql<number>`sum(${invoiceLines.totalCents})::int`,
    })
    .from(invoiceLines)
    .where(inArray(invoiceLines.creditedLineId, lineIds))
    .groupBy(invoiceLines.creditedLineId);
  return new Map(rows.map((r) => [r.lineId!, { quantity: Number(r.quantity), totalCents: r.totalCents }]));
}
