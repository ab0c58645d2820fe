import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { notFound } from '../platform/errors.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import {
  addresses,
  customerEntities,
  customers,
  interactions,
  notes,
  taggings,
  tags,
} from '../modules/crm/crm.schema.ts';
import { orderSummariesForCustomer } from './order-summaries.ts';
import { quoteSummariesForCustomer } from './quote-summaries.ts';
import { visitSummariesForCustomer } from './visit-summaries.ts';
import { readStored } from '../platform/sentences/sentences.ts';

/** The unified customer: CRM's own record plus their quotes, orders and visits. */
export async function customer360(db: DbOrTx, id: string, language: 'nl' | 'en' = 'nl') {
  const [customer, quotes, orders, visits] = await Promise.all([
    crmCustomer(db, id, language),
    quoteSummariesForCustomer(db, id),
    orderSummariesForCustomer(db, id),
    visitSummariesForCustomer(db, id),
  ]);
  return { ...customer, quotes, orders, visits };
}

/** Everything CRM itself knows about one customer. */
async function crmCustomer(db: DbOrTx, id: string, language: 'nl' | 'en') {
  const [row] = await db
    .select({ customer: customers, sourcePartnerName: partners.name })
    .from(customers)
    .leftJoin(partners, eq(partners.id, customers.sourcePartnerId))
    .where(eq(customers.id, id));
  if (!row) throw notFound('Klant');
  const [addressRows, entityRows, interactionRows, noteRows, tagRows] = await Promise.all([
    db
      .select()
      .from(addresses)
      .where(eq(addresses.customerId, id))
      .orderBy(desc(addresses.isPrimary), asc(addresses.createdAt)),
    db
      .select({ entityId: customerEntities.entityId })
      .from(customerEntities)
      .where(eq(customerEntities.customerId, id))
      .orderBy(asc(customerEntities.entityId)),
    db
      .select({ i: interactions, entityName: businessEntities.name })
      .from(interactions)
      .innerJoin(businessEntities, eq(businessEntities.id, interactions.entityId))
      .where(eq(interactions.customerId, id))
      .orderBy(desc(interactions.occurredAt))
      .limit(200),
    db
      .select()
      .from(notes)
      .where(and(eq(notes.subjectType, 'customer'), eq(notes.subjectId, id)))
      .orderBy(desc(notes.createdAt))
      .limit(200),
    db
      .select({ name: tags.name })
      .from(taggings)
      .innerJoin(tags, eq(tags.id, taggings.tagId))
      .where(and(eq(taggings.subjectType, 'customer'), eq(taggings.subjectId, id)))
      .orderBy(asc(tags.name)),
  ]);
  const c = row.customer;
  const primary = addressRows.find((a) => a.isPrimary && a.kind === 'installation') ?? addressRows[0];
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    email: c.email,
    phone: c.phone,
    status: c.status,
    kind: c.kind,
    companyName: c.companyName,
    sourceEntityId: c.sourceEntityId,
    sourcePartnerName: row.sourcePartnerName,
    createdAt: c.createdAt.toISOString(),
    postcode: primary?.postcode ?? null,
    houseNumber: primary?.houseNumber ?? null,
    houseNumberAddition: primary?.houseNumberAddition ?? null,
    street: primary?.street ?? null,
    city: primary?.city ?? null,
    entities: entityRows.map((e) => e.entityId),
    addresses: addressRows.map((a) => ({
      id: a.id,
      kind: a.kind,
      street: a.street,
      houseNumber: a.houseNumber,
      houseNumberAddition: a.houseNumberAddition,
      postcode: a.postcode,
      city: a.city,
      municipality: a.municipality,
      province: a.province,
      lat: a.lat,
      lon: a.lon,
    })),
    interactions: interactionRows.map(({ i, entityName }) => ({
      id: i.id,
      entityId: i.entityId,
      entityName,
      channel: i.channel,
      summary: readStored({ code: i.code, params: i.params, text: i.summary, textEn: i.summaryEn }, language) ?? '',
      occurredAt: i.occurredAt.toISOString(),
    })),
    notes: noteRows.map((n) => ({
      id: n.id,
      body: n.body,
      authorName: n.authorName,
      createdAt: n.createdAt.toISOString(),
    })),
    tags: tagRows.map((t) => t.name),
  };
}
