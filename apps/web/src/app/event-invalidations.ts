import type { QueryKey } from '@tanstack/react-query';
import type { DomainEventType } from '@chargecars/contract';

const customers = ['customers'];
const dashboard = ['dashboard'];
const leads = ['leads'];
const quotes = ['quotes'];
const orders = ['orders'];
const visits = ['visits'];
const invoices = ['invoices'];

/**
 * The cached queries (key prefixes) each domain event makes stale. Every event type of the contract
 * has an entry: a new event type fails the typecheck here until someone decides what it refreshes.
 * A customer's page shows their leads, quotes, orders and invoices, so those events refresh it too.
 */
export const INVALIDATED_BY: Record<DomainEventType, readonly QueryKey[]> = {
  'customer.note_added': [customers],
  // A reply shows in the message log and on the customer's page (timeline and messages).
  'customer.replied': [['messages', 'list'], ['messages', 'customer'], customers],
  'lead.received': [leads, dashboard],
  // The pipeline matched or made the lead's customer before qualifying it.
  'lead.qualified': [leads, customers, dashboard],
  'lead.rejected': [leads, dashboard],
  // The lead's quote was signed: it no longer counts as open.
  'lead.converted': [leads, customers, dashboard],
  'lead.assigned': [leads],
  'lead.sla_breached': [leads, dashboard],
  'quote.created': [quotes, customers, dashboard],
  'quote.revised': [quotes, customers],
  'quote.sent': [quotes, customers],
  'quote.part_signed': [quotes, customers],
  // The last signature makes the order in the same transaction.
  'quote.signed': [quotes, orders, customers, dashboard],
  'quote.declined': [quotes, customers],
  'quote.expired': [quotes, customers],
  'quote.renewed': [quotes, customers],
  'order.created': [orders, customers, dashboard],
  'order.stage_changed': [orders, customers, dashboard],
  'order.completed': [orders, customers, dashboard],
  'visit.created': [visits, orders],
  'visit.scheduled': [visits, orders, dashboard],
  'visit.started': [visits, orders, dashboard],
  'visit.completed': [visits, orders, dashboard],
  'visit.executed': [visits],
  'visit.unplanned': [visits, orders, dashboard],
  'invoice.issued': [invoices, orders, customers],
  'credit_note.issued': [invoices, customers],
  'invoice.payment_recorded': [invoices, customers],
  'invoice.paid': [invoices, customers],
  'invoice.overdue': [invoices, customers],
  'partner.updated': [['partners']],
  'webhook_endpoint.disabled': [['partner']],
};

/** Notices that are not domain events: a new in-app notification of this user refreshes the bell. */
const USER_NOTICES: Record<string, readonly QueryKey[]> = { 'notification.created': [['notifications']] };

/** What an event refreshes; an event type this build does not know yet (a newer server) refreshes the dashboard. */
export function invalidatedBy(type: string): readonly QueryKey[] {
  if (Object.hasOwn(USER_NOTICES, type)) return USER_NOTICES[type]!;
  return Object.hasOwn(INVALIDATED_BY, type) ? INVALIDATED_BY[type as DomainEventType] : [dashboard];
}
