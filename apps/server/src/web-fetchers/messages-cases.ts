import { type Cases, as, call, made } from './harness.ts';

/** Messages: the outbox, a customer's messages and preferences, providers: each endpoint called as the web calls it. */
export const messagesCases: Cases = {
  'GET /api/messages': async () => [
    await call(as.operations!, 'GET', '/api/messages?page=1&pageSize=50'),
    await call(as.operations!, 'GET', '/api/messages?page=1&pageSize=50&channel=email&status=queued'),
  ],
  'GET /api/messages/customers/:customerId': async () => [
    await call(as.operations!, 'GET', `/api/messages/customers/${made.customerId}`),
  ],
  'PUT /api/messages/customers/:customerId/preferences': async () => [
    await call(as.operations!, 'PUT', `/api/messages/customers/${made.customerId}/preferences`, {
      channels: ['email', 'whatsapp'],
      language: 'nl',
      optOutNonEssential: true,
      whatsappOptIn: true,
    }),
  ],
  'GET /api/messages/providers': async () => [await call(as.admin!, 'GET', '/api/messages/providers')],
  'POST /api/messages/providers/test': async () => [
    await call(as.admin!, 'POST', '/api/messages/providers/test', { channel: 'email', to: 'beheer@chargecars.nl' }),
  ],
};
