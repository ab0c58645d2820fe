import { z } from 'zod';
import { CRM_EVENTS } from './crm.ts';
import { LEAD_EVENTS } from './leads.ts';
import { QUOTE_EVENTS } from './quotes.ts';
import { ORDER_EVENTS } from './orders.ts';
import { VISIT_EVENTS } from './planning.ts';
import { BILLING_EVENTS } from './billing.ts';
import { PARTNER_EVENTS } from './partners.ts';
import { INTEGRATION_EVENTS } from './integrations.ts';

export * from './crm.ts';
export * from './leads.ts';
export * from './quotes.ts';
export * from './orders.ts';
export * from './planning.ts';
export * from './billing.ts';
export * from './partners.ts';
export * from './integrations.ts';

/** Each event's schema, module by module. */
export const DOMAIN_EVENTS = [
  ...CRM_EVENTS,
  ...LEAD_EVENTS,
  ...QUOTE_EVENTS,
  ...ORDER_EVENTS,
  ...VISIT_EVENTS,
  ...BILLING_EVENTS,
  ...PARTNER_EVENTS,
  ...INTEGRATION_EVENTS,
] as const;

/** Every domain event the platform records: its type and its data, one schema per type. */
export const DomainEvent = z.discriminatedUnion('type', DOMAIN_EVENTS);
export type DomainEvent = z.infer<typeof DomainEvent>;
export type DomainEventType = DomainEvent['type'];
