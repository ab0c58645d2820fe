// Every table of every module, for drizzle-kit and for the typed client. Modules still own their tables:
// only a module's own files query them (checked by lint on imports of *.schema.ts).
export * from '../../modules/entities/entities.schema.ts';
export * from '../auth/auth.schema.ts';
export * from '../events/events.schema.ts';
export * from '../../modules/crm/crm.schema.ts';
export * from '../../modules/partners/partners.schema.ts';
export * from '../../modules/leads/leads.schema.ts';
export * from '../../modules/catalog/catalog.schema.ts';
export * from '../../modules/quotes/quotes.schema.ts';
export * from '../../modules/orders/orders.schema.ts';
export * from '../../modules/planning/planning.schema.ts';
export * from '../../modules/planning/planning-proposals.schema.ts';
export * from '../../modules/planning/planning-changes.schema.ts';
export * from '../../modules/inventory/inventory.schema.ts';
export * from '../../modules/inventory/tools.schema.ts';
export * from '../../modules/inventory/transfers.schema.ts';
export * from '../../modules/mobile/mobile.schema.ts';
export * from '../../modules/billing/billing.schema.ts';
export * from '../mail.schema.ts';
export * from '../messaging/templates/message-templates.schema.ts';
export * from '../http/http.schema.ts';
export * from '../../modules/integrations/integrations.schema.ts';
export * from '../../modules/notifications/notifications.schema.ts';
