import path from 'node:path';
import { latestDroppedMailFor } from '../platform/mail-drop.ts';
import { type Cases, as, call, logIn, loginOf, made, ok, row, scratch, sessionOf } from './harness.ts';

/** Signing in, customers and partners: each endpoint called as the web calls it. */
export const relationsCases: Cases = {
  'POST /api/auth/login': async () => [await logIn(loginOf('operations').email, loginOf('operations').password!)],
  'GET /api/auth/me': async () => Promise.all(Object.values(as).map((who) => call(who, 'GET', '/api/auth/me'))),
  'POST /api/auth/magic-link': async () => [
    await call(null, 'POST', '/api/auth/magic-link', { email: loginOf('customer').email }),
  ],
  'POST /api/auth/magic-link/consume': async () => {
    const mail = await latestDroppedMailFor(path.join(scratch, 'mail'), loginOf('customer').email);
    const res = await call(null, 'POST', '/api/auth/magic-link/consume', {
      token: /token=([\w-]+)/.exec(mail ?? '')![1],
    });
    as.customer = sessionOf(res);
    return [res];
  },
  'GET /api/entities': async () => [await call(as.operations!, 'GET', '/api/entities')],
  'GET /api/dashboard/metrics': async () => [await call(as.planner!, 'GET', '/api/dashboard/metrics')],
  'GET /api/customers': async () => [await call(as.operations!, 'GET', '/api/customers?page=1&pageSize=50')],
  'GET /api/customers/:id': async () => {
    // A customer with interactions and quotes: the two lists the web read wrongly.
    const { id } = await row<{ id: string }>(
      'select c.id from customers c where exists (select 1 from interactions i where i.customer_id = c.id) and exists (select 1 from quotes q where q.customer_id = c.id) limit 1',
    );
    made.customerId = id;
    return [
      await call(as.operations!, 'GET', `/api/customers/${id}`),
      await call(as.operations!, 'GET', `/api/customers/${as.customer!.customerId}`),
    ];
  },
  'POST /api/customers/:id/notes': async () => [
    await call(as.operations!, 'POST', `/api/customers/${made.customerId}/notes`, {
      body: 'Belt terug over de laadpaal',
    }),
  ],
  'GET /api/partners': async () => [await call(as.operations!, 'GET', '/api/partners?page=1&pageSize=50')],
  'GET /api/partners/:id': async () => [
    await call(as.operations!, 'GET', `/api/partners/${as.partner!.partnerId}`),
    await call(as.partner!, 'GET', `/api/partners/${as.partner!.partnerId}`),
  ],
  'PATCH /api/partners/:id': async () => {
    const { vatNumber } = ok(await call(as.operations!, 'GET', `/api/partners/${as.partner!.partnerId}`)) as {
      vatNumber: string | null;
    };
    return [await call(as.operations!, 'PATCH', `/api/partners/${as.partner!.partnerId}`, { vatNumber })];
  },
};
