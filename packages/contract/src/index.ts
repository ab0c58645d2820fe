// zod schemas of the HTTP API, shared by the server (validation, OpenAPI) and the web app.
export * from './common.ts';
export * from './vat.ts';
export * from './auth.ts';
export * from './customers.ts';
export * from './orders.ts';
export * from './planning.ts';
export * from './planning-optimiser.ts';
export * from './quotes.ts';
export * from './catalog.ts';
export * from './billing.ts';
export * from './leads.ts';
export * from './partners.ts';
export * from './webhooks.ts';
export * from './admin.ts';
export * from './inventory.ts';
export * from './events/index.ts';
