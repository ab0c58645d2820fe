import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { messagePreferences } from '../platform/mail.schema.ts';
import { addresses, customers } from '../modules/crm/crm.schema.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { visits } from '../modules/planning/planning.schema.ts';

const visitForCustomer = (db: DbOrTx) =>
  db
    .select({
      id: visits.id,
      number: visits.number,
      type: visits.type,
      status: visits.status,
      date: visits.scheduledDate,
      block: visits.block,
      durationMinutes: visits.durationMinutes,
      orderNumber: orders.number,
      customerId: customers.id,
      customerName: customers.name,
      email: customers.email,
      phone: customers.phone,
      language: messagePreferences.language,
      channels: messagePreferences.channels,
      whatsappOptInAt: messagePreferences.whatsappOptInAt,
      teamId: visits.teamId,
      street: addresses.street,
      houseNumber: addresses.houseNumber,
      houseNumberAddition: addresses.houseNumberAddition,
      postcode: addresses.postcode,
      city: addresses.city,
      lat: addresses.lat,
      lon: addresses.lon,
      entity: {
        id: businessEntities.id,
        name: businessEntities.name,
        emailFrom: businessEntities.emailFrom,
        brandColor: businessEntities.brandColor,
        website: businessEntities.website,
      },
    })
    .from(visits)
    .innerJoin(orders, eq(orders.id, visits.orderId))
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .innerJoin(businessEntities, eq(businessEntities.id, visits.entityId))
    .leftJoin(messagePreferences, eq(messagePreferences.customerId, visits.customerId));

/** Scheduled visits on the given days, with what a reminder to the customer needs: who, where, which brand. */
export async function scheduledVisitsBetween(db: DbOrTx, from: string, to: string) {
  return visitForCustomer(db)
    .where(and(eq(visits.status, 'scheduled'), gte(visits.scheduledDate, from), lte(visits.scheduledDate, to)))
    .orderBy(asc(visits.scheduledDate), asc(visits.number));
}
export type ScheduledVisit = Awaited<ReturnType<typeof scheduledVisitsBetween>>[number];

/** One visit as it is now, with what a message to its customer needs (also when it is not planned). */
export async function visitAsCustomerSeesIt(db: DbOrTx, visitId: string): Promise<ScheduledVisit | null> {
  const [visit] = await visitForCustomer(db).where(eq(visits.id, visitId));
  return visit ?? null;
}
