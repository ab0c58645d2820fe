import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import * as s from '../../platform/db/schema.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { relayedEvent } from '../../platform/events/outbox-relay.ts';
import type { QueuedSubscriber } from '../../platform/events/subscribers.ts';

let t: TestApp;
let subscriber: QueuedSubscriber;
type Client = Awaited<ReturnType<TestApp['as']>>;
let partnerA: Client;
let partnerB: Client;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://platform.example.nl' });
  subscriber = t.built.workers.subscribers.find(
    (x) => x.queue === 'event.notifications.partner-mails',
  ) as QueuedSubscriber;
  partnerA = await t.as('partner-a@alfa.example.nl');
  partnerB = await t.as('partner-b@bravo.example.nl');
});
afterAll(() => t?.close());

let lastEventId = 0;
async function relayTwice() {
  const rows = await t.database.db.select().from(s.outboxEvents).orderBy(s.outboxEvents.id);
  const fresh = rows.filter((r) => r.id > lastEventId);
  lastEventId = rows.at(-1)?.id ?? lastEventId;
  for (const row of [...fresh, ...fresh])
    if ((subscriber.eventTypes as string[]).includes(row.type)) await subscriber.handle(relayedEvent(row) as never);
}
const partnerMails = () =>
  t.database.db.select().from(s.emailOutbox).where(like(s.emailOutbox.messageType, 'partner_%'));

async function qualifiedLead(partnerId: string, number: string) {
  const [lead] = await t.database.db
    .insert(s.leads)
    .values({
      number,
      entityId: 'chargecars',
      partnerId,
      source: 'api',
      status: 'qualified',
      name: 'Sanne de Vries',
      email: `${number.toLowerCase()}@example.nl`,
      partnerReference: 'ALFA-77',
    })
    .returning();
  await emitEvent(t.database.db, {
    type: 'lead.qualified',
    subjectType: 'lead',
    subjectId: lead!.id,
    data: {
      leadId: lead!.id,
      number,
      partnerReference: 'ALFA-77',
      status: 'qualified',
      score: 80,
      rejectedReason: null,
    },
    audience: { partnerId },
  });
  return lead!;
}

describe('partner notifications by mail', () => {
  it('lets a partner choose its contact address, language and event mails, and no other partner', async () => {
    const { partnerA: a } = t.fixtures;
    expect((await partnerA.get(`/api/partners/${a.id}/mail-settings`)).json()).toEqual({
      email: 'info@alfa.example.nl',
      language: 'nl',
      leadQualified: false,
      orderCreated: false,
    });
    const wanted = { email: 'Leads@Alfa.example.nl', language: 'en', leadQualified: true, orderCreated: true };
    const saved = await partnerA.put(`/api/partners/${a.id}/mail-settings`, wanted);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ ...wanted, email: 'leads@alfa.example.nl' });
    expect((await partnerB.put(`/api/partners/${a.id}/mail-settings`, wanted)).statusCode).toBe(404);
    expect((await partnerB.get(`/api/partners/${a.id}/mail-settings`)).statusCode).toBe(404);
    const bad = await partnerA.put(`/api/partners/${a.id}/mail-settings`, { ...wanted, email: 'geen-adres' });
    expect(bad.statusCode).toBe(400);
  });

  it("mails a qualified lead and a new order once each, in the contact's language", async () => {
    const { partnerA: a, o1 } = t.fixtures;
    const lead = await qualifiedLead(a.id, 'L-2026-09001');
    await emitEvent(t.database.db, {
      type: 'order.created',
      subjectType: 'order',
      subjectId: o1.id,
      data: { orderId: o1.id, number: o1.number, quoteNumber: null, partnerReference: null, totalCents: null },
      audience: { partnerId: a.id },
    });
    await relayTwice();
    const mails = await partnerMails();
    expect(mails.map((m) => [m.messageType, m.to, m.language, m.subject]).sort()).toEqual([
      ['partner_lead_qualified', 'leads@alfa.example.nl', 'en', 'Lead L-2026-09001 has been qualified'],
      ['partner_order_created', 'leads@alfa.example.nl', 'en', `New order ${o1.number} for Anna de Vries`],
    ]);
    const leadMail = mails.find((m) => m.messageType === 'partner_lead_qualified')!;
    expect(leadMail.bodyText).toContain('(your reference: ALFA-77)');
    expect(leadMail.bodyText).toContain(`https://platform.example.nl/partner/leads/${lead.id}`);
    expect(mails.find((m) => m.messageType === 'partner_order_created')!.bodyText).toContain('(your reference: —)');
  });

  it('sends nothing to a partner that did not ask, or that switched a mail off', async () => {
    const { partnerA: a, partnerB: b } = t.fixtures;
    await qualifiedLead(b.id, 'L-2026-09002');
    await partnerA.put(`/api/partners/${a.id}/mail-settings`, {
      email: 'leads@alfa.example.nl',
      language: 'nl',
      leadQualified: false,
      orderCreated: true,
    });
    await qualifiedLead(a.id, 'L-2026-09003');
    await relayTwice();
    const subjects = (await partnerMails()).map((m) => m.subject);
    expect(subjects.some((x) => x.includes('L-2026-09002') || x.includes('L-2026-09003'))).toBe(false);
    expect(
      await t.database.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, 'info@bravo.example.nl')),
    ).toEqual([]);
  });
});
