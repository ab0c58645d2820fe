import { and, asc, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../platform/db/client.ts';
import type { Actor } from '../platform/http/actor.ts';
import { notFound } from '../platform/errors.ts';
import { todayInAmsterdam } from '../platform/calendar.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import { invoiceLines, invoices, payments } from '../modules/billing/billing.schema.ts';
import { invoiceScope } from '../modules/billing/invoice-scope.ts';

export type ListInvoicesOptions = {
  page: number;
  pageSize: number;
  q?: string | undefined;
  status?: string | undefined;
  entityId?: string | undefined;
  payer?: 'customer' | 'partner' | undefined;
  kind?: 'invoice' | 'credit_note' | undefined;
  customerId?: string | undefined;
  partnerId?: string | undefined;
  orderId?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
};

const columns = {
  id: invoices.id,
  number: invoices.number,
  entityId: invoices.entityId,
  kind: invoices.kind,
  payer: invoices.payer,
  payerName: sql<string>`coalesce(${partners.name}, ${customers.name})`,
  customerId: invoices.customerId,
  partnerId: invoices.partnerId,
  orderId: invoices.orderId,
  orderNumber: orders.number,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  status: invoices.status,
  subtotalCents: invoices.subtotalCents,
  vatCents: invoices.vatCents,
  totalCents: invoices.totalCents,
  paidCents: invoices.paidCents,
  creditedCents: invoices.creditedCents,
  periodMonth: invoices.periodMonth,
  creditedInvoiceId: invoices.creditedInvoiceId,
  reverseCharge: invoices.reverseCharge,
  buyerVatNumber: invoices.buyerVatNumber,
  reason: invoices.reason,
};
type Row = { kind: 'invoice' | 'credit_note'; totalCents: number; paidCents: number; creditedCents: number };
/** What is still owed on an invoice; a credit note owes nothing. */
const openOf = (r: Row) => (r.kind === 'invoice' ? Math.max(0, r.totalCents - r.paidCents - r.creditedCents) : 0);

/** Unpaid and past its due date, whether or not the daily job has marked it overdue yet. */
const overdueNow = () =>
  and(
    eq(invoices.kind, 'invoice'),
    inArray(invoices.status, ['issued', 'partially_paid', 'overdue']),
    lt(invoices.dueDate, todayInAmsterdam()),
  );

/** A page of the invoices the actor may see, newest first, filtered and searched. */
export async function listInvoices(db: DbOrTx, actor: Actor, opts: ListInvoicesOptions) {
  const where: (SQL | undefined)[] = [invoiceScope(actor)];
  if (opts.status) where.push(eq(invoices.status, opts.status as 'issued'));
  if (opts.entityId) where.push(eq(invoices.entityId, opts.entityId));
  if (opts.payer) where.push(eq(invoices.payer, opts.payer));
  if (opts.kind) where.push(eq(invoices.kind, opts.kind));
  if (opts.customerId) where.push(eq(invoices.customerId, opts.customerId));
  if (opts.partnerId) where.push(eq(invoices.partnerId, opts.partnerId));
  if (opts.orderId) where.push(eq(invoices.orderId, opts.orderId));
  if (opts.overdue === 'true') where.push(overdueNow());
  if (opts.overdue === 'false') where.push(sql`not coalesce(${overdueNow()}, false)`);
  const q = opts.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(invoices.number, like), ilike(customers.name, like), ilike(partners.name, like)));
  }
  const condition = and(...where.filter(Boolean));
  const rows = await db
    .select(columns)
    .from(invoices)
    .leftJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(partners, eq(partners.id, invoices.partnerId))
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .where(condition)
    .orderBy(desc(invoices.createdAt), desc(invoices.number))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  // The search joins names only when it needs them, so a plain page counts one table.
  const counted = db.select({ n: sql<number>`count(*)::int` }).from(invoices);
  const [count] = await (q
    ? counted
        .leftJoin(customers, eq(customers.id, invoices.customerId))
        .leftJoin(partners, eq(partners.id, invoices.partnerId))
        .where(condition)
    : counted.where(condition));
  const items = rows.map(({ reason: _reason, ...r }) => ({ ...r, openCents: openOf(r) }));
  return { items, total: count?.n ?? 0, page: opts.page, pageSize: opts.pageSize };
}

const creditNotes = alias(invoices, 'credit_notes');

/** One invoice with its lines (and what of each can still be credited), payments and credit notes. */
export async function getInvoice(db: DbOrTx, actor: Actor, id: string) {
  const [invoice] = await db
    .select({
      ...columns,
      reminderStep: invoices.reminderStep,
      reminderDays: invoices.reminderDays,
      remindedAt: invoices.remindedAt,
    })
    .from(invoices)
    .leftJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(partners, eq(partners.id, invoices.partnerId))
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .where(and(eq(invoices.id, id), invoiceScope(actor)));
  if (!invoice) throw notFound('Factuur', 'Invoice');
  const creditLines = alias(invoiceLines, 'credit_lines');
  const [lines, creditedPerLine, paid, notes, credited] = await Promise.all([
    db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id)).orderBy(asc(invoiceLines.position)),
    db
      .select({ lineId: invoiceLines.id, quantity: sql<string>`sum(${creditLines.quantity})` })
      .from(creditLines)
      .innerJoin(invoiceLines, eq(invoiceLines.id, creditLines.creditedLineId))
      .where(eq(invoiceLines.invoiceId, id))
      .groupBy(invoiceLines.id),
    db
      .select({
        id: payments.id,
        amountCents: payments.amountCents,
        paidAt: payments.paidAt,
        method: payments.method,
        reference: payments.reference,
      })
      .from(payments)
      .where(eq(payments.invoiceId, id))
      .orderBy(asc(payments.paidAt)),
    db
      .select({
        id: creditNotes.id,
        number: creditNotes.number,
        issueDate: creditNotes.issueDate,
        totalCents: creditNotes.totalCents,
        reason: creditNotes.reason,
      })
      .from(creditNotes)
      .where(and(eq(creditNotes.creditedInvoiceId, id), eq(creditNotes.kind, 'credit_note')))
      .orderBy(asc(creditNotes.number)),
    invoice.creditedInvoiceId
      ? db.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, invoice.creditedInvoiceId))
      : Promise.resolve([]),
  ]);
  const creditedOf = (lineId: string) => Number(creditedPerLine.find((c) => c.lineId === lineId)?.quantity ?? 0);
  const fullyCredited =
    invoice.kind !== 'invoice' || invoice.status === 'cancelled' || invoice.creditedCents >= invoice.totalCents;
  const { reminderStep, reminderDays, remindedAt, ...rest } = invoice;
  return {
    ...rest,
    openCents: openOf(invoice),
    paymentReminder:
      reminderStep > 0 && remindedAt
        ? { step: reminderStep, days: reminderDays ?? 0, sentAt: remindedAt.toISOString() }
        : null,
    creditedInvoiceNumber: credited[0]?.number ?? null,
    lines: lines.map((l) => ({
      position: l.position,
      description: l.description,
      descriptionEn: l.descriptionEn,
      quantity: Number(l.quantity),
      unitPriceCents: l.unitPriceCents,
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      totalCents: l.totalCents,
      vatCents: l.vatCents,
      creditableQuantity: fullyCredited
        ? 0
        : Math.max(0, Math.round((Number(l.quantity) - creditedOf(l.id)) * 1000) / 1000),
    })),
    payments: paid.map((p) => ({ ...p, paidAt: p.paidAt.toISOString() })),
    creditNotes: notes,
  };
}
