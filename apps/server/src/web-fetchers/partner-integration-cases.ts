import { type Cases, as, call, made, ok, receiver } from './harness.ts';

/** Partner API keys and webhooks: each endpoint called as the web calls it. */
export const partnerIntegrationCases: Cases = {
  'GET /api/partners/:id/mail-settings': async () => [
    await call(as.partner!, 'GET', `/api/partners/${as.partner!.partnerId}/mail-settings`),
  ],
  'PUT /api/partners/:id/mail-settings': async () => [
    await call(as.partner!, 'PUT', `/api/partners/${as.partner!.partnerId}/mail-settings`, {
      email: 'meldingen@partner.example.nl',
      language: 'en',
      leadQualified: true,
      orderCreated: false,
    }),
  ],
  'GET /api/partners/:id/api-keys': async () => [
    await call(as.partner!, 'GET', `/api/partners/${as.partner!.partnerId}/api-keys`),
  ],
  'POST /api/partners/:id/api-keys': async () => {
    const res = await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/api-keys`, {
      name: 'CRM-koppeling',
      scopes: ['leads:write', 'leads:read'],
    });
    made.apiKey = ok(res).id;
    return [res];
  },
  'POST /api/partners/:id/api-keys/:keyId/rotate': async () => [
    await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/api-keys/${made.apiKey}/rotate`),
  ],
  'POST /api/partners/:id/api-keys/:keyId/revoke': async () => [
    await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/api-keys/${made.apiKey}/revoke`),
  ],
  'POST /api/partners/:id/webhook-endpoints': async () => {
    const res = await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/webhook-endpoints`, {
      url: receiver.url,
      eventTypes: ['lead.received', 'order.created'],
    });
    made.webhook = ok(res).id;
    return [res];
  },
  'GET /api/partners/:id/webhook-endpoints': async () => [
    await call(as.partner!, 'GET', `/api/partners/${as.partner!.partnerId}/webhook-endpoints`),
  ],
  'PATCH /api/partners/:id/webhook-endpoints/:endpointId': async () => [
    await call(as.partner!, 'PATCH', `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}`, {
      enabled: true,
    }),
  ],
  'POST /api/partners/:id/webhook-endpoints/:endpointId/rotate-secret': async () => [
    await call(
      as.partner!,
      'POST',
      `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}/rotate-secret`,
    ),
  ],
  'POST /api/partners/:id/webhook-endpoints/:endpointId/test': async () => {
    const res = await call(
      as.partner!,
      'POST',
      `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}/test`,
    );
    made.delivery = ok(res).deliveryId;
    return [res];
  },
  'GET /api/partners/:id/webhook-endpoints/:endpointId/deliveries': async () => [
    await call(
      as.partner!,
      'GET',
      `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}/deliveries?limit=50`,
    ),
  ],
  'POST /api/partners/:id/webhook-deliveries/:deliveryId/replay': async () => [
    await call(
      as.partner!,
      'POST',
      `/api/partners/${as.partner!.partnerId}/webhook-deliveries/${made.delivery}/replay`,
    ),
  ],
  'POST /api/partners/:id/webhook-endpoints/:endpointId/replay': async () => [
    await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}/replay`, {
      since: new Date(Date.now() - 3_600_000).toISOString(),
    }),
  ],
};
