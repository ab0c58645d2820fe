import { type Cases, as, call, made, row } from './harness.ts';

/** The link of a survey still open, as the customer reads it in the demo's survey mail. */
const openSurveyToken = () =>
  row<{ token: string }>(
    "select substring(body_text from '/survey/([\\w-]+)') token from email_outbox where message_type = 'satisfaction_survey' order by created_at desc, id desc limit 1",
  ).then((r) => r.token);

/** Messages: the outbox, a customer's messages and preferences, providers: each endpoint called as the web calls it. */
export const messagesCases: Cases = {
  'GET /api/messages': async () => [
    await call(as.operations!, 'GET', '/api/messages?page=1&pageSize=50'),
    await call(as.operations!, 'GET', '/api/messages?page=1&pageSize=50&channel=email&status=queued'),
    await call(as.operations!, 'GET', '/api/messages?page=1&pageSize=50&direction=inbound'),
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
  'GET /api/surveys/:token': async () => [
    await call(null, 'GET', `/api/surveys/${(made.survey = await openSurveyToken())}`),
  ],
  'POST /api/surveys/:token': async () => [
    await call(null, 'POST', `/api/surveys/${made.survey}`, { score: 9, remark: 'Prima geholpen.' }),
  ],
  'GET /api/satisfaction': async () => [
    await call(as.operations!, 'GET', '/api/satisfaction?page=1&pageSize=50'),
    await call(as.operations!, 'GET', '/api/satisfaction?page=1&pageSize=50&answered=true'),
  ],
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
