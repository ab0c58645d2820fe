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
  'GET /api/messages/templates': async () => [await call(as.operations!, 'GET', '/api/messages/templates')],
  'GET /api/messages/templates/:type/:entityId/:language/:channel': async () => [
    await call(as.operations!, 'GET', '/api/messages/templates/visit_reminder/laderthuis/nl/email'),
  ],
  'PUT /api/messages/templates/:type/:entityId/:language/:channel': async () => [
    await call(as.operations!, 'PUT', '/api/messages/templates/test_message/laderthuis/en/sms', {
      subject: '',
      body: 'Test via {{channel}} by {{senderName}}.',
      version: 0,
    }),
  ],
  'POST /api/messages/templates/:type/:entityId/:language/:channel/reset': async () => [
    await call(as.operations!, 'POST', '/api/messages/templates/test_message/laderthuis/en/sms/reset', { version: 1 }),
  ],
  'POST /api/messages/templates/preview': async () => [
    await call(as.operations!, 'POST', '/api/messages/templates/preview', {
      type: 'order_confirmation',
      entityId: 'laderthuis',
      language: 'nl',
      channel: 'email',
      subject: 'Order {{orderNumber}}',
      body: 'Beste {{customerName}}, {{link}}',
    }),
  ],
};
