import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import type { Actor } from '../platform/http/actor.ts';
import { notFound } from '../platform/errors.ts';
import { addresses, customers } from '../modules/crm/crm.schema.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import { invoiceLines, invoices } from '../modules/billing/billing.schema.ts';
import { invoiceScope } from '../modules/billing/invoice-scope.ts';

export type InvoiceParty = {
  name: string;
  email: string | null;
  kvkNumber: string | null;
  vatNumber: string | null;
  street: string | null;
  city: string | null;
  postcode: string | null;
};

/** Everything a printed or electronic invoice states: seller, buyer, lines, and what it corrects. */
export async function loadInvoiceDocument(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ invoice: invoices, seller: businessEntities, orderNumber: orders.number })
    .from(invoices)
    .innerJoin(businessEntities, eq(businessEntities.id, invoices.entityId))
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .where(and(eq(invoices.id, id), invoiceScope(actor)));
  if (!row) throw notFound('Factuur');
  const { invoice } = row;
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(asc(invoiceLines.position));
  const [credited] = invoice.creditedInvoiceId
    ? await db
        .select({ number: invoices.number, issueDate: invoices.issueDate })
        .from(invoices)
        .where(eq(invoices.id, invoice.creditedInvoiceId))
    : [];
  return {
    invoice,
    seller: row.seller,
    orderNumber: row.orderNumber,
    lines,
    credited: credited ?? null,
    buyer: await buyerOf(db, invoice),
  };
}
export type InvoiceDocument = Awaited<ReturnType<typeof loadInvoiceDocument>>;

async function buyerOf(db: DbOrTx, invoice: typeof invoices.$inferSelect): Promise<InvoiceParty> {
  if (invoice.payer === 'partner') {
    const [p] = await db.select().from(partners).where(eq(partners.id, invoice.partnerId!));
    // The VAT number as issued, not the partner's current one: an issued invoice never changes.
    return {
      name: p!.name,
      email: p!.email,
      kvkNumber: p!.kvkNumber,
      vatNumber: invoice.buyerVatNumber,
      street: null,
      city: null,
      postcode: null,
    };
  }
  const [c] = await db
    .select({
      name: customers.name,
      email: customers.email,
      street: addresses.street,
      houseNumber: addresses.houseNumber,
      addition: addresses.houseNumberAddition,
      city: addresses.city,
      postcode: addresses.postcode,
    })
    .from(customers)
    .leftJoin(addresses, eq(addresses.customerId, customers.id))
    .where(eq(customers.id, invoice.customerId!))
    .limit(1);
  return {
    name: c!.name,
    email: c!.email,
    kvkNumber: null,
    vatNumber: null,
    street: c!.street ? `${c!.street} ${c!.houseNumber}${c!.addition ? ` ${c!.addition}` : ''}` : null,
    city: c!.city,
    postcode: c!.postcode,
  };
}
