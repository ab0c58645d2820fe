import { type Cases, as, call, firstId, made, ok, row, today } from './harness.ts';

/** Invoices, payments, credit notes, commissions and the P&L: each endpoint called as the web calls it. */
export const billingCases: Cases = {
  'GET /api/invoices': async () =>
    Promise.all(
      ['operations', 'partner', 'customer'].map((r) => call(as[r]!, 'GET', '/api/invoices?page=1&pageSize=50')),
    ),
  'GET /api/invoices/:id': async () =>
    Promise.all(
      ['operations', 'partner', 'customer'].map(async (r) => {
        const { items } = ok(await call(as[r]!, 'GET', '/api/invoices?page=1&pageSize=1')) as {
          items: { id: string }[];
        };
        const id = items[0]?.id ?? (await firstId(as.operations!, '/api/invoices?page=1&pageSize=1'));
        return call(items[0] ? as[r]! : as.operations!, 'GET', `/api/invoices/${id}`);
      }),
    ),
  'POST /api/partners/:id/monthly-invoice': async () => {
    // A partner agreement's month with partner lines of completed orders that no invoice holds yet.
    const open = await row<{ partnerId: string; entityId: string; month: string }>(
      `select o.partner_id "partnerId", o.entity_id "entityId", to_char(o.completed_at at time zone 'Europe/Amsterdam', 'YYYY-MM') "month"
       from orders o join order_lines l on l.order_id = o.id
       where o.stage in ('completed', 'invoiced', 'closed') and o.partner_id is not null and o.completed_at is not null
         and l.bill_to = 'partner' and l.invoiced_at is null
       order by o.completed_at desc limit 1`,
    );
    return [
      await call(as.operations!, 'POST', `/api/partners/${open.partnerId}/monthly-invoice`, {
        entityId: open.entityId,
        month: open.month,
      }),
    ];
  },
  'POST /api/orders/:id/invoices': async () => {
    const { id } = await row<{ id: string }>(
      `select o.id from orders o where o.stage = 'completed'
         and exists (select 1 from order_lines l where l.order_id = o.id and l.invoiced_at is null) limit 1`,
    );
    return [await call(as.operations!, 'POST', `/api/orders/${id}/invoices`, {})];
  },
  'POST /api/invoices/:id/payments': async () => {
    const open = await row<{ id: string }>(
      "select id from invoices where kind = 'invoice' and status in ('issued', 'partially_paid', 'overdue') and total_cents - paid_cents - credited_cents > 100 order by number limit 1",
    );
    return [
      await call(as.operations!, 'POST', `/api/invoices/${open.id}/payments`, {
        amountCents: 100,
        paidAt: new Date().toISOString(),
        method: 'bank_transfer',
      }),
    ];
  },
  'POST /api/invoices/:id/credit-note': async () => {
    const invoice = await row<{ id: string; quantity: number }>(
      "select i.id, l.quantity::float quantity from invoices i join invoice_lines l on l.invoice_id = i.id and l.position = 1 where i.kind = 'invoice' and i.status <> 'cancelled' and i.credited_cents = 0 order by i.number desc limit 1",
    );
    return [
      await call(as.operations!, 'POST', `/api/invoices/${invoice.id}/credit-note`, {
        reason: 'Regel 1 deels teruggenomen',
        lines: [{ position: 1, quantity: invoice.quantity }],
      }),
    ];
  },
  'GET /api/partners/:id/commission-statements/:month': async () => {
    const month = today().slice(0, 7);
    return [
      await call(as.partner!, 'GET', `/api/partners/${as.partner!.partnerId}/commission-statements/${month}`),
      await call(as.operations!, 'GET', `/api/partners/${as.partner!.partnerId}/commission-statements/${month}`),
    ];
  },
  'GET /api/finance/profit-and-loss': async () => [
    await call(
      as.operations!,
      'GET',
      `/api/finance/profit-and-loss?entityId=${made.entityId}&from=${today().slice(0, 4)}-01-01&to=${today()}`,
    ),
  ],
};
