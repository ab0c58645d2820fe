import type * as s from '../../apps/server/src/platform/db/schema.ts';
import type { Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import type { DemoOrder } from './generate-sales.ts';
import { addDays, localDate, pad, uuidFrom } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
const PREFIX: Record<string, string> = {
  chargecars: 'CC',
  laderthuis: 'LT',
  meterkastthuis: 'MK',
  zaptecshop: 'ZS',
  ratioshop: 'RS',
};

/** Invoices split by payer for invoiced and closed orders, numbered without gaps per entity per year. */
export function generateFinance(rng: Rng, ref: Reference, orders: DemoOrder[], now: Date) {
  const termOf = new Map(ref.partners.map((p) => [p.row.id, p.demo.billing.paymentTermDays]));
  const vatNumberOf = new Map(ref.partners.map((p) => [p.row.id, p.row.vatNumber]));
  const invoices: Insert<typeof s.invoices>[] = [];
  const lines: Insert<typeof s.invoiceLines>[] = [];
  const payments: Insert<typeof s.payments>[] = [];
  const sequences = new Map<string, number>();
  const today = localDate(now);
  const billable = orders
    .filter((o) => (o.stage === 'invoiced' || o.stage === 'closed') && o.completedAt)
    .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime());
  for (const o of billable) {
    for (const payer of ['customer', 'partner'] as const) {
      const own = o.lines.filter((l) => l.billTo === payer);
      if (!own.length || (payer === 'partner' && !o.partnerId)) continue;
      const issued = addDays(o.completedAt!, 1);
      const year = issued.getUTCFullYear();
      const key = `${o.entityId}:${year}`;
      const seq = (sequences.get(key) ?? 0) + 1;
      sequences.set(key, seq);
      const subtotal = own.reduce((a, l) => a + l.totalCents, 0);
      const vat = own.reduce((a, l) => a + Math.round((l.totalCents * l.vatRate) / 100), 0);
      const total = subtotal + vat;
      const due = localDate(addDays(issued, payer === 'partner' ? (termOf.get(o.partnerId!) ?? 30) : 14));
      const paidState =
        o.stage === 'closed'
          ? 'paid'
          : rng.weighted([
              ['paid', 40],
              ['open', 45],
              ['partial', 15],
            ] as const);
      const paid = paidState === 'paid' ? total : paidState === 'partial' ? Math.round(total / 2) : 0;
      const status =
        paid >= total
          ? ('paid' as const)
          : due < today
            ? ('overdue' as const)
            : paid > 0
              ? ('partially_paid' as const)
              : ('issued' as const);
      const id = uuidFrom(rng);
      const buyerVatNumber = payer === 'partner' ? (vatNumberOf.get(o.partnerId!) ?? null) : null;
      const reverseCharge = own.some((l) => l.vatCategory === 'reverse_charge');
      invoices.push({
        id,
        number: `${PREFIX[o.entityId]}-${year}-${pad(seq, 5)}`,
        entityId: o.entityId,
        payer,
        customerId: payer === 'customer' ? o.customerId : null,
        partnerId: payer === 'partner' ? o.partnerId : null,
        orderId: o.id,
        issueDate: localDate(issued),
        dueDate: due,
        status,
        subtotalCents: subtotal,
        vatCents: vat,
        totalCents: total,
        paidCents: paid,
        buyerVatNumber,
        reverseCharge,
        createdAt: issued,
      });
      own.forEach((l, i) =>
        lines.push({
          invoiceId: id,
          position: i + 1,
          description: l.description,
          descriptionEn: l.descriptionEn,
          quantity: l.quantity,
          unitPriceCents: l.unitPriceCents,
          vatRate: l.vatRate,
          vatCategory: l.vatCategory,
          totalCents: l.totalCents,
          vatCents: Math.round((l.totalCents * l.vatRate) / 100),
          orderId: o.id,
        }),
      );
      for (const l of own) l.invoicedAt = issued;
      if (paid > 0)
        payments.push({
          invoiceId: id,
          amountCents: paid,
          paidAt: addDays(issued, rng.int(2, 20)),
          method: payer === 'customer' ? rng.pick(['ideal', 'bank_transfer'] as const) : 'bank_transfer',
          reference: `BETALING-${pad(payments.length + 1, 7)}`,
        });
    }
  }
  const sequenceRows: Insert<typeof s.invoiceNumberSequences>[] = [...sequences].map(([k, last]) => ({
    entityId: k.split(':')[0]!,
    year: Number(k.split(':')[1]),
    lastNumber: last,
  }));
  return { invoices, lines, payments, sequenceRows };
}
