import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import type { Actor } from '../platform/http/actor.ts';
import { notFound } from '../platform/errors.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import { invoiceLines, invoices } from '../modules/billing/billing.schema.ts';
import { invoiceScope } from '../modules/billing/invoice-scope.ts';

export type ListInvoicesOptions = {
  page: number;
  pageSize: number;
  status?: string | undefined;
  entityId?: string | undefined;
};

const columns = {
  id: invoices.id,
  number: invoices.number,
  entityId: invoices.entityId,
  kind: invoices.kind,
  payer: invoices.payer,
  payerName: sql<string>`coalesce(${partners.name}, ${customers.name})`,
  orderId: invoices.orderId,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  status: invoices.status,
  subtotalCents: invoices.subtotalCents,
  vatCents: invoices.vatCents,
  totalCents: invoices.totalCents,
  paidCents: invoices.paidCents,
  periodMonth: invoices.periodMonth,
  creditedInvoiceId: invoices.creditedInvoiceId,
  reverseCharge: invoices.reverseCharge,
  buyerVatNumber: invoices.buyerVatNumber,
};

/** A page of the invoices the actor may see, newest first. */
export async function listInvoices(db: DbOrTx, actor: Actor, opts: ListInvoicesOptions) {
  const where: (SQL | undefined)[] = [invoiceScope(actor)];
  if (opts.status) where.push(eq(invoices.status, opts.status as 'issued'));
  if (opts.entityId) where.push(eq(invoices.entityId, opts.entityId));
  const condition = and(...where.filter(Boolean));
  const items = await db
    .select(columns)
    .from(invoices)
    .leftJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(partners, eq(partners.id, invoices.partnerId))
    .where(condition)
    .orderBy(desc(invoices.createdAt), desc(invoices.number))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(condition);
  return { items, total: count?.n ?? 0, page: opts.page, pageSize: opts.pageSize };
}

export async function getInvoice(db: DbOrTx, actor: Actor, id: string) {
  const [invoice] = await db
    .select(columns)
    .from(invoices)
    .leftJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(partners, eq(partners.id, invoices.partnerId))
    .where(and(eq(invoices.id, id), invoiceScope(actor)));
  if (!invoice) throw notFound('Factuur');
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(asc(invoiceLines.position));
  return {
    ...invoice,
    lines: lines.map((l) => ({
      position: l.position,
      description: l.description,
      quantity: Number(l.quantity),
      unitPriceCents: l.unitPriceCents,
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      totalCents: l.totalCents,
      vatCents: l.vatCents,
    })),
  };
}
