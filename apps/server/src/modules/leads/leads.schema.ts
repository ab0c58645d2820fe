import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { businessEntities } from '../entities/entities.schema.ts';
import { partners } from '../partners/partners.schema.ts';
import { customers } from '../crm/crm.schema.ts';

export const LEAD_STATUSES = ['received', 'enriched', 'awaiting_intake', 'qualified', 'converted', 'rejected'] as const;

export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    entityId: text('entity_id').notNull().references(() => businessEntities.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    customerId: uuid('customer_id').references(() => customers.id),
    source: text('source', { enum: ['api', 'web', 'ops'] }).notNull(),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('received'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    postcode: text('postcode'),
    houseNumber: integer('house_number'),
    houseNumberAddition: text('house_number_addition'),
    street: text('street'),
    city: text('city'),
    regionCode: text('region_code'),
    productInterest: text('product_interest'),
    partnerReference: text('partner_reference'),
    notes: text('notes'),
    score: integer('score'),
    scoreBreakdown: jsonb('score_breakdown').$type<Record<string, number>>(),
    rejectedReason: text('rejected_reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    qualifiedAt: timestamp('qualified_at', { withTimezone: true }),
  },
  (t) => [
    index('leads_status_idx').on(t.status, t.receivedAt),
    index('leads_partner_idx').on(t.partnerId, t.receivedAt),
    index('leads_customer_idx').on(t.customerId),
    index('leads_email_idx').on(sql`lower(${t.email})`),
  ],
);
