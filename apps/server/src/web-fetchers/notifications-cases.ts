import { type Cases, as, call, row } from './harness.ts';

/** A notification of the partner's user, as the bell's subscriber would have made it. */
const partnerNotification = () =>
  row<{ id: string }>(
    `insert into notifications (user_id, type, title, body, link, dedupe_key)
     values ($1, 'order.created', 'Nieuwe order', 'Uw order is aangemaakt.', '/partner', gen_random_uuid()::text) returning id`,
    [as.partner!.userId],
  );

/** The notification bell and the payment reminder steps: each endpoint called as the web calls it. */
export const notificationsCases: Cases = {
  'GET /api/notifications': async () => {
    await partnerNotification();
    return Promise.all(['operations', 'partner', 'customer'].map((r) => call(as[r]!, 'GET', '/api/notifications')));
  },
  'POST /api/notifications/:id/read': async () => {
    const { id } = await partnerNotification();
    return [await call(as.partner!, 'POST', `/api/notifications/${id}/read`)];
  },
  'POST /api/notifications/read-all': async () => {
    await partnerNotification();
    return [await call(as.partner!, 'POST', '/api/notifications/read-all')];
  },
  'GET /api/entities/payment-reminders': async () => [
    await call(as.operations!, 'GET', '/api/entities/payment-reminders'),
  ],
  'PUT /api/entities/:entityId/payment-reminders': async () => {
    const { id } = await row<{ id: string }>('select id from business_entities order by id limit 1');
    return [await call(as.operations!, 'PUT', `/api/entities/${id}/payment-reminders`, { days: [7, 14, 30] })];
  },
};
