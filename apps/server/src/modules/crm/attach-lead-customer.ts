import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addresses, customerEntities, customers, customerSearchTerms, interactions } from './crm.schema.ts';
import { searchTermsFor } from './search-terms.ts';
import { sentence, stored } from '../../platform/sentences/sentences.ts';

export type LeadPerson = {
  name: string;
  email: string;
  phone: string | null;
  kind: 'consumer' | 'business';
  companyName: string | null;
  entityId: string;
  partnerId: string | null;
  address: {
    postcode: string;
    houseNumber: number;
    addition: string | null;
    street: string | null;
    city: string | null;
    municipality: string | null;
    province: string | null;
    lat: number | null;
    lon: number | null;
  } | null;
};
export type CustomerMatch = { customerId: string; matchedOn: 'email' | 'phone' | 'address' | null; isRepeat: boolean };

/** Finds the unified customer a lead belongs to: same email, else same phone, else same postcode and house number. */
async function findCustomer(tx: DbOrTx, person: LeadPerson): Promise<Omit<CustomerMatch, 'isRepeat'> | null> {
  const a = person.address;
  // One round trip for the three ways a person can match; email wins over phone over address.
  const result = (await tx.execute(sql`
    select id, 'email' as matched_on, 1 as rank from customers where lower(email) = ${person.email.toLowerCase()}
    union all (select id, 'phone', 2 from customers where ${person.phone}::text is not null and phone = ${person.phone} limit 1)
    union all (select customer_id, 'address', 3 from addresses where ${a?.postcode ?? null}::text is not null and postcode = ${a?.postcode ?? null}
      and house_number = ${a?.houseNumber ?? null}::int and house_number_addition is not distinct from ${a?.addition ?? null}::text limit 1)
    order by rank limit 1`)) as unknown as { rows: { id: string; matched_on: 'email' | 'phone' | 'address' }[] };
  const hit = result.rows[0];
  return hit ? { customerId: hit.id, matchedOn: hit.matched_on } : null;
}

/**
 * De-duplication into the unified customer (PRD 1.3): a repeat lead attaches to the customer it
 * matches; a new person becomes a customer with status `lead`. Runs in the lead's transaction.
 */
export async function attachLeadCustomer(tx: DbOrTx, person: LeadPerson): Promise<CustomerMatch> {
  const found = await findCustomer(tx, person);
  if (found) {
    await tx
      .insert(customerEntities)
      .values({ customerId: found.customerId, entityId: person.entityId })
      .onConflictDoNothing();
    await tx.insert(interactions).values({
      customerId: found.customerId,
      entityId: person.entityId,
      channel: 'portal',
      ...stored(sentence('contact.lead_received', {})),
    });
    return { ...found, isRepeat: true };
  }
  const number = `KL-L${randomBytes(5).toString('hex').toUpperCase()}`;
  const inserted = await tx
    .insert(customers)
    .values({
      number,
      kind: person.kind,
      name: person.name,
      companyName: person.companyName,
      email: person.email,
      phone: person.phone,
      status: 'lead',
      sourceEntityId: person.entityId,
      sourcePartnerId: person.partnerId,
    })
    .onConflictDoNothing()
    .returning({ id: customers.id });
  // Another lead with this email committed first: attach to its customer.
  if (!inserted[0]) return attachLeadCustomer(tx, person);
  const customerId = inserted[0].id;
  const a = person.address;
  if (a?.street && a.city) {
    await tx.insert(addresses).values({
      customerId,
      street: a.street,
      houseNumber: a.houseNumber,
      houseNumberAddition: a.addition,
      postcode: a.postcode,
      city: a.city,
      municipality: a.municipality,
      province: a.province,
      lat: a.lat,
      lon: a.lon,
    });
  }
  await tx.insert(customerEntities).values({ customerId, entityId: person.entityId }).onConflictDoNothing();
  const terms = searchTermsFor({
    name: person.name,
    email: person.email,
    phone: person.phone,
    postcode: a?.postcode ?? null,
  });
  if (terms.length)
    await tx
      .insert(customerSearchTerms)
      .values(terms.map((term) => ({ customerId, term })))
      .onConflictDoNothing();
  return { customerId, matchedOn: null, isRepeat: false };
}
