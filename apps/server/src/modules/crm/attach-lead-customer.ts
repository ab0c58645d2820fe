import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addresses, customerEntities, customers, customerSearchTerms, interactions } from './crm.schema.ts';
import { searchTermsFor } from './search-terms.ts';

export type LeadPerson = {
  name: string; email: string; phone: string | null; kind: 'consumer' | 'business'; companyName: string | null;
  entityId: string; partnerId: string | null;
  address: { postcode: string; houseNumber: number; addition: string | null; street: string | null; city: string | null; municipality: string | null; province: string | null; lat: number | null; lon: number | null } | null;
};
export type CustomerMatch = { customerId: string; matchedOn: 'email' | 'phone' | 'address' | null; isRepeat: boolean };

/** Finds the unified customer a lead belongs to: same email, else same phone, else same postcode and house number. */
async function findCustomer(tx: DbOrTx, person: LeadPerson): Promise<Omit<CustomerMatch, 'isRepeat'> | null> {
  const [byEmail] = await tx.select({ id: customers.id }).from(customers).where(sql`lower(${customers.email}) = ${person.email.toLowerCase()}`);
  if (byEmail) return { customerId: byEmail.id, matchedOn: 'email' };
  if (person.phone) {
    const [byPhone] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.phone, person.phone)).limit(1);
    if (byPhone) return { customerId: byPhone.id, matchedOn: 'phone' };
  }
  if (person.address) {
    const [byAddress] = await tx.select({ id: addresses.customerId }).from(addresses)
      .where(and(eq(addresses.postcode, person.address.postcode), eq(addresses.houseNumber, person.address.houseNumber),
        person.address.addition ? eq(addresses.houseNumberAddition, person.address.addition) : sql`${addresses.houseNumberAddition} is null`)).limit(1);
    if (byAddress) return { customerId: byAddress.id, matchedOn: 'address' };
  }
  return null;
}

/**
 * De-duplication into the unified customer (PRD 1.3): a repeat lead attaches to the customer it
 * matches; a new person becomes a customer with status `lead`. Runs in the lead's transaction.
 */
export async function attachLeadCustomer(tx: DbOrTx, person: LeadPerson): Promise<CustomerMatch> {
  const found = await findCustomer(tx, person);
  if (found) {
    await tx.insert(customerEntities).values({ customerId: found.customerId, entityId: person.entityId }).onConflictDoNothing();
    await tx.insert(interactions).values({ customerId: found.customerId, entityId: person.entityId, channel: 'portal', summary: 'Nieuwe lead ontvangen' });
    return { ...found, isRepeat: true };
  }
  const number = `KL-L${randomBytes(5).toString('hex').toUpperCase()}`;
  const inserted = await tx.insert(customers).values({
    number, kind: person.kind, name: person.name, companyName: person.companyName, email: person.email, phone: person.phone,
    status: 'lead', sourceEntityId: person.entityId, sourcePartnerId: person.partnerId,
  }).onConflictDoNothing().returning({ id: customers.id });
  // Another lead with this email committed first: attach to its customer.
  if (!inserted[0]) return attachLeadCustomer(tx, person);
  const customerId = inserted[0].id;
  const a = person.address;
  if (a?.street && a.city) {
    await tx.insert(addresses).values({ customerId, street: a.street, houseNumber: a.houseNumber, houseNumberAddition: a.addition, postcode: a.postcode, city: a.city, municipality: a.municipality, province: a.province, lat: a.lat, lon: a.lon });
  }
  await tx.insert(customerEntities).values({ customerId, entityId: person.entityId }).onConflictDoNothing();
  const terms = searchTermsFor({ name: person.name, email: person.email, phone: person.phone, postcode: a?.postcode ?? null });
  if (terms.length) await tx.insert(customerSearchTerms).values(terms.map((term) => ({ customerId, term }))).onConflictDoNothing();
  return { customerId, matchedOn: null, isRepeat: false };
}
