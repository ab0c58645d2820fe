import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { leads } from '../modules/leads/leads.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';

/** A partner's lead as the mail telling the partner about it needs it: whose, for whom, which brand. */
export async function leadForPartnerMail(db: DbOrTx, leadId: string) {
  const [row] = await db
    .select({
      number: leads.number,
      partnerId: leads.partnerId,
      partnerName: partners.name,
      customerName: leads.name,
      entityId: leads.entityId,
    })
    .from(leads)
    .innerJoin(partners, eq(partners.id, leads.partnerId))
    .where(eq(leads.id, leadId));
  return row ?? null;
}

/** An order of a partner's as the mail telling the partner about it needs it. */
export async function orderForPartnerMail(db: DbOrTx, orderId: string) {
  const [row] = await db
    .select({
      number: orders.number,
      partnerId: orders.partnerId,
      partnerName: partners.name,
      customerName: customers.name,
      entityId: orders.entityId,
    })
    .from(orders)
    .innerJoin(partners, eq(partners.id, orders.partnerId))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, orderId));
  return row ?? null;
}
