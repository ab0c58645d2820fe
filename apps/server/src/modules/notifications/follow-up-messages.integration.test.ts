import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { startLoopbackSmtp } from '../../test/loopback-smtp.ts';
import { completeOrderVisits } from '../../test/complete-order-visits.ts';
import * as s from '../../platform/db/schema.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { relayedEvent } from '../../platform/events/outbox-relay.ts';
import type { QueuedSubscriber } from '../../platform/events/subscribers.ts';
import { createMessageSender } from '../../platform/messaging/message-sender.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
let subscribers: QueuedSubscriber[];
const QUEUES = [
  'event.notifications.order-confirmation',
  'event.notifications.satisfaction-survey',
  'event.billing.invoice-mail',
];

beforeAll(async () => {
  smtp = await startLoopbackSmtp();
  t = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_REQUIRE_TLS: 'false' });
  subscribers = t.built.workers.subscribers.filter((x) => QUEUES.includes(x.queue)) as QueuedSubscriber[];
  expect(subscribers).toHaveLength(3);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** Hands every event not yet handed to these subscribers, twice, as a relay that redelivers would. */
let lastEventId = 0;
async function relayTwice() {
  const rows = await t.database.db.select().from(s.outboxEvents).orderBy(s.outboxEvents.id);
  const fresh = rows.filter((r) => r.id > lastEventId);
  lastEventId = rows.at(-1)?.id ?? lastEventId;
  for (const row of [...fresh, ...fresh])
    for (const sub of subscribers)
      if ((sub.eventTypes as string[]).includes(row.type)) await sub.handle(relayedEvent(row) as never);
}
const messagesOf = (type: string) =>
  t.database.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.messageType, type));
const drain = async () => {
  const sender = createMessageSender(t.database.db, t.built.services.communications.channels);
  while (await sender.sendDue());
};

describe('messages that follow from what happens to an order', () => {
  it('confirms a new order to its customer once, in their language and with the order’s brand', async () => {
    const { o2, c2 } = t.fixtures;
    await t.database.db.insert(s.messagePreferences).values({ customerId: c2.id, channels: ['email'], language: 'en' });
    await emitEvent(t.database.db, {
      type: 'order.created',
      subjectType: 'order',
      subjectId: o2.id,
      data: { orderId: o2.id, number: o2.number, quoteNumber: null, partnerReference: null, totalCents: null },
      audience: { customerId: c2.id },
    });
    await relayTwice();
    const [confirmation, ...more] = await messagesOf('order_confirmation');
    expect(more).toHaveLength(0);
    expect(confirmation).toMatchObject({
      to: 'bram@example.nl',
      customerId: c2.id,
      entityId: 'laderthuis',
      language: 'en',
      subject: `Confirmation of your order ${o2.number}`,
      sender: '"LaderThuis.nl" <info@laderthuis.nl>',
    });
    expect(confirmation!.bodyText).toContain('Dear Bram Jansen,');
    expect(confirmation!.bodyHtml).toContain('LaderThuis.nl');
  });

  it('mails each issued invoice to its payer once with its PDF, and asks for a score after the installation', async () => {
    const { o1, c1 } = t.fixtures;
    await completeOrderVisits(t, o1.id);
    const ops = await t.as('ops@chargecars.nl');
    const issued = await ops.post(`/api/orders/${o1.id}/invoices`, {});
    expect(issued.statusCode, issued.body).toBe(201);
    await relayTwice();

    const invoices = await t.database.db.select().from(s.invoices).where(eq(s.invoices.orderId, o1.id));
    const mails = await messagesOf('invoice_sent');
    expect(mails.map((m) => m.to).sort()).toEqual(['anna@example.nl', 'info@alfa.example.nl']);
    const toAnna = mails.find((m) => m.to === 'anna@example.nl')!;
    const annasInvoice = invoices.find((i) => i.payer === 'customer')!;
    expect(toAnna).toMatchObject({
      customerId: c1.id,
      language: 'nl',
      subject: `Factuur ${annasInvoice.number} van ChargeCars`,
    });
    expect(toAnna.bodyText).toMatch(/€\s423,50/);
    expect(toAnna.attachments!.map((a) => a.filename)).toEqual([`${annasInvoice.number}.pdf`]);

    const surveys = await messagesOf('satisfaction_survey');
    const installations = await t.database.db
      .select()
      .from(s.visits)
      .where(and(eq(s.visits.orderId, o1.id), eq(s.visits.status, 'completed')));
    expect(surveys).toHaveLength(installations.filter((v) => v.type !== 'survey').length);
    expect(surveys.length).toBeGreaterThan(0);
    expect(surveys[0]).toMatchObject({ to: 'anna@example.nl', customerId: c1.id });
    expect(surveys[0]!.bodyText).toContain('Geef ons een cijfer van 1 tot 10');
    expect(surveys[0]!.bodyText).toMatch(/\/survey\/[\w-]{43}/);

    await drain();
    const received = smtp.received.find((m) => m.subject === toAnna.subject)!;
    expect(received.from?.text).toBe('"ChargeCars" <planning@chargecars.nl>');
    expect(received.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`${annasInvoice.number}.pdf`, 'application/pdf'],
    ]);
    expect(received.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(received.html).toContain(annasInvoice.number);
  });
});
