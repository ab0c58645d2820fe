import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { emailOutbox } from '../../platform/mail.schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { completeLead } from '../../test/partner-api.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import { auditLog, outboxEvents } from '../../platform/events/events.schema.ts';
import { users } from '../../platform/auth/auth.schema.ts';
import { leads } from '../leads/leads.schema.ts';
import { visits } from '../planning/planning.schema.ts';
import { businessEntities } from '../entities/entities.schema.ts';
import { orderEvents, orders } from './orders.schema.ts';

let t: TestApp;
let cat: Awaited<ReturnType<typeof loadCatalogFixtures>>;
let ops: Awaited<ReturnType<TestApp['as']>>;

beforeAll(async () => {
  t = await createTestApp();
  cat = await loadCatalogFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t.close());

/** The signing token in the latest signing mail to an address, as the signer would click it. */
async function latestSigningToken(to: string) {
  const mails = await t.database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.to, to))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
  const mail = mails.find((m) => m.bodyText.includes('/sign/'));
  if (!mail) throw new Error(`no signing mail to ${to}`);
  return /\/sign\/([\w-]+)/.exec(mail.bodyText)![1]!;
}

/** A complete lead of a new customer, without a partner's reference (ops enter it). */
const freshLead = () => {
  const { partnerReference: _, ...lead } = completeLead();
  return lead;
};

const dayAfter = (days: number) =>
  new Date(Date.parse(`${todayInAmsterdam()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A lead from ops for a new customer, its quote from the template (installation and meter cabinet), signed by both. */
async function signedLeadQuote(answers: Record<string, unknown> = { cableMeters: 15, meterCabinetUpgrade: true }) {
  const input = freshLead();
  const lead = (await ops.post('/api/leads', { ...input, partnerId: t.fixtures.partnerA.id })).json();
  const customerId = (await ops.get(`/api/leads/${lead.id}`)).json().customerId as string;
  const quote = await ops.post('/api/quotes/from-template', {
    templateId: cat.template.id,
    customerId,
    partnerId: t.fixtures.partnerA.id,
    leadId: lead.id,
    answers,
  });
  const id = quote.json().id;
  const { lockVersion } = (await ops.get(`/api/quotes/${id}`)).json();
  const sent = await ops.post(`/api/quotes/${id}/send`, { lockVersion });
  expect(sent.statusCode, sent.body + quote.body).toBe(200);
  const sign = async (to: string, name: string) =>
    (
      await t.app.inject({
        method: 'POST',
        url: `/api/sign/${await latestSigningToken(to)}`,
        headers: { 'user-agent': 'Vitest-Signer/1.0' },
        payload: { name, method: 'typed' },
      })
    ).json();
  const customerSigned = await sign(input.email as string, 'Sanne Bakker');
  const partnerSigned = await sign('info@alfa.example.nl', 'Paul Alfa');
  return {
    lead,
    customerId,
    email: input.email as string,
    quoteId: id,
    customerSigned,
    orderId: partnerSigned.orderId,
  };
}

const order = async (id: string) => (await ops.get(`/api/orders/${id}`)).json();
const orderVisits = (orderId: string) =>
  t.database.db.select().from(visits).where(eq(visits.orderId, orderId)).orderBy(visits.number);
/** Everything a refused stage change might have touched. */
async function orderState(id: string) {
  const [row] = await t.database.db.select().from(orders).where(eq(orders.id, id));
  const timeline = await t.database.db.select().from(orderEvents).where(eq(orderEvents.orderId, id));
  const audits = await t.database.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.subjectId, id));
  return { row, timeline: timeline.length, audits: audits.length, milestones: (await order(id)).milestones };
}

describe('from signature to cash, driven by the facts', () => {
  it('the signed quote makes the order with its visits; each fact moves the order, and a skipped precondition is refused', async () => {
    const signed = await signedLeadQuote();
    expect(signed.orderId).toEqual(expect.any(String));
    const id = signed.orderId as string;

    // Visits from the proposal: an installation and a meter-cabinet visit on a later day, unplanned, with skills.
    const [installation, meter] = await orderVisits(id);
    expect(installation).toMatchObject({
      type: 'installation',
      status: 'to_schedule',
      requiredSkills: ['charger_installation', 'ocpp_configuration'],
      afterVisitId: null,
      teamId: null,
    });
    expect(installation!.durationMinutes).toBeGreaterThanOrEqual(60);
    expect(meter).toMatchObject({
      type: 'meter_replacement',
      status: 'to_schedule',
      requiredSkills: ['three_phase_meter_cabinet'],
      afterVisitId: installation!.id,
    });
    const fresh = await order(id);
    expect(fresh.stage).toBe('new');
    expect(fresh.visits.map((v: { number: string }) => v.number)).toEqual([installation!.number, meter!.number]);
    expect(installation!.number).toMatch(/^BZ-\d{4}-\d{6}$/);

    // The lead is converted in the same transaction, so "open leads" stops counting it.
    const [lead] = await t.database.db.select().from(leads).where(eq(leads.id, signed.lead.id));
    expect(lead!.status).toBe('converted');
    const leadEvents = await t.database.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.subjectId, signed.lead.id), eq(outboxEvents.type, 'lead.converted')));
    expect(leadEvents).toHaveLength(1);

    // Completing by hand with nothing done: refused in the caller's language, nothing changed.
    const before = await orderState(id);
    const refused = await ops.post(`/api/orders/${id}/stage`, { stage: 'scheduled' });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'stage_precondition', detail: expect.stringContaining('bezoek') });
    const inEnglish = await ops.post(`/api/orders/${id}/stage`, { stage: 'scheduled' }, { 'accept-language': 'en' });
    expect(inEnglish.json().detail).toBe('The order has no planned visit yet; plan a visit first');
    expect(await orderState(id)).toEqual(before);

    // The second visit must come on a later day than the first.
    const planner = await t.as('planner@chargecars.nl');
    const { team1 } = t.fixtures;
    expect(
      (
        await planner.post(`/api/visits/${installation!.id}/schedule`, {
          date: dayAfter(3),
          teamId: team1.id,
          block: 'morning',
        })
      ).statusCode,
    ).toBe(200);
    let now = await order(id);
    expect(now).toMatchObject({ stage: 'scheduled', progress: 35 });
    expect(now.milestones.find((m: { code: string }) => m.code === 'visit_scheduled').reachedAt).not.toBeNull();
    expect(now.milestones.find((m: { code: string }) => m.code === 'materials_ready').reachedAt).toBeNull();
    const sameDay = await planner.post(`/api/visits/${meter!.id}/schedule`, {
      date: dayAfter(3),
      teamId: team1.id,
      block: 'afternoon',
    });
    expect(sameDay.statusCode).toBe(422);
    expect(sameDay.json().errors).toEqual([
      expect.objectContaining({ field: 'body.date', message: expect.stringContaining(installation!.number) }),
    ]);
    expect(
      (
        await planner.post(`/api/visits/${meter!.id}/schedule`, {
          date: dayAfter(4),
          teamId: team1.id,
          block: 'morning',
        })
      ).statusCode,
    ).toBe(200);
    // Moving the first visit past the second is refused the same way.
    expect(
      (
        await planner.post(`/api/visits/${installation!.id}/schedule`, {
          date: dayAfter(5),
          teamId: team1.id,
          block: 'morning',
        })
      ).statusCode,
    ).toBe(422);

    // The technician starts: in progress. One visit done is not the order done.
    const tech = await t.as('tech1@chargecars.nl');
    expect((await ops.post(`/api/orders/${id}/stage`, { stage: 'in_progress' })).json().code).toBe(
      'stage_precondition',
    );
    expect((await tech.post(`/api/visits/${installation!.id}/start`)).json()).toMatchObject({ status: 'in_progress' });
    expect((await tech.post(`/api/visits/${installation!.id}/start`)).statusCode).toBe(409);
    expect((await order(id)).stage).toBe('in_progress');
    expect((await tech.post(`/api/visits/${installation!.id}/complete`)).statusCode).toBe(200);
    expect((await order(id)).stage).toBe('in_progress');
    const notYet = await orderState(id);
    const early = await ops.post(`/api/orders/${id}/stage`, { stage: 'completed' });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toBe('1 van de 2 bezoeken zijn nog niet uitgevoerd');
    expect(await orderState(id)).toEqual(notYet);

    // The last visit done completes the order, with its event for partners.
    expect((await tech.post(`/api/visits/${meter!.id}/complete`)).statusCode).toBe(200);
    now = await order(id);
    expect(now).toMatchObject({ stage: 'completed', progress: 85 });
    expect(now.milestones.find((m: { code: string }) => m.code === 'installation_done').reachedAt).not.toBeNull();
    const completed = await t.database.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.type, 'order.completed'), eq(outboxEvents.subjectId, id)));
    expect(completed).toHaveLength(1);
    expect((await ops.post(`/api/orders/${id}/stage`, { stage: 'invoiced' })).json()).toMatchObject({
      code: 'stage_precondition',
      detail: expect.stringContaining('nog niet gefactureerd'),
    });

    // Invoicing every line: invoiced. Paying every invoice: closed.
    const issued = await ops.post(`/api/orders/${id}/invoices`, {});
    expect(issued.statusCode).toBe(201);
    expect((await order(id)).stage).toBe('invoiced');
    const invoices = issued.json() as { id: string; totalCents: number }[];
    expect(invoices).toHaveLength(2);
    expect((await ops.post(`/api/orders/${id}/stage`, { stage: 'closed' })).json().code).toBe('stage_precondition');
    for (const invoice of invoices)
      expect(
        (
          await ops.post(`/api/invoices/${invoice.id}/payments`, {
            amountCents: invoice.totalCents,
            paidAt: new Date().toISOString(),
            method: 'bank_transfer',
          })
        ).statusCode,
      ).toBe(200);
    now = await order(id);
    expect(now).toMatchObject({ stage: 'closed', progress: 100 });
    // Work that is done had its materials: every milestone is reached now.
    expect(now.milestones.every((m: { reachedAt: string | null }) => m.reachedAt)).toBe(true);

    const timeline = (await ops.get(`/api/orders/${id}/timeline`)).json();
    expect(timeline.map((e: { toStage: string }) => e.toStage)).toEqual([
      'new',
      'scheduled',
      'in_progress',
      'completed',
      'invoiced',
      'closed',
    ]);
    // The day in words as its reader writes it (issue 16): "3 december 2026", "3 December 2026".
    const inWords = (locale: string) =>
      new Date(`${dayAfter(3)}T12:00:00Z`).toLocaleDateString(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      });
    expect(inWords('nl-NL')).not.toBe(inWords('en-GB'));
    expect(timeline[0].reason).toMatch(/^Offerte OFF-\d{4}-\d+ door beide partijen getekend$/);
    expect(timeline[1].reason).toBe(`Bezoek ${installation!.number} ingepland op ${inWords('nl-NL')}`);
    expect(timeline[2].actorName).toBe('Tom Technicus');
    expect(timeline.at(-1).reason).toMatch(/^Factuur .+ betaald$/);
    // A reader who chose English reads what the platform wrote in English (issue 16).
    const timelineInEnglish = (await ops.get(`/api/orders/${id}/timeline`, { 'accept-language': 'en' })).json();
    expect(timelineInEnglish[0].reason).toMatch(/^Quote OFF-\d{4}-\d+ signed by both parties$/);
    expect(timelineInEnglish[1].reason).toBe(`Visit ${installation!.number} planned on ${inWords('en-GB')}`);
    expect(timelineInEnglish.at(-1).reason).toMatch(/^Invoice .+ paid$/);
  });

  it('ops can still put an order on hold and cancel it with a reason, and the facts do not move a paused order', async () => {
    const { orderId } = await signedLeadQuote({ cableMeters: 15, meterCabinetUpgrade: false });
    const [visit] = await orderVisits(orderId);
    expect(
      (await ops.post(`/api/orders/${orderId}/stage`, { stage: 'on_hold', reason: 'Wacht op de netbeheerder' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await ops.post(`/api/visits/${visit!.id}/schedule`, {
          date: dayAfter(2),
          teamId: t.fixtures.team1.id,
          block: 'morning',
        })
      ).statusCode,
    ).toBe(200);
    expect((await order(orderId)).stage).toBe('on_hold');
    // Resuming goes back to where it was, and the fact that happened meanwhile then moves it on.
    expect((await ops.post(`/api/orders/${orderId}/stage`, { stage: 'new' })).statusCode).toBe(200);
    expect((await order(orderId)).stage).toBe('scheduled');
    const cancelled = await ops.post(`/api/orders/${orderId}/stage`, { stage: 'cancelled', reason: 'Klant ziet af' });
    expect(cancelled.json()).toMatchObject({ stage: 'cancelled' });
    expect((await order(orderId)).stageReason).toBe('Klant ziet af');
  });

  it('issues the invoices at once on completion when the entity says so', async () => {
    const { orderId } = await signedLeadQuote({ cableMeters: 15, meterCabinetUpgrade: false });
    const [visit] = await orderVisits(orderId);
    const entityId = (await order(orderId)).entity as string;
    await t.database.db
      .update(businessEntities)
      .set({ invoiceOnCompletion: true })
      .where(eq(businessEntities.id, entityId));
    const tech = await t.as('tech1@chargecars.nl');
    const planned = await ops.post(`/api/visits/${visit!.id}/schedule`, {
      date: todayInAmsterdam(),
      teamId: t.fixtures.team1.id,
      // The fixture's own visit takes most of this morning; the check would refuse it there.
      block: 'afternoon',
    });
    expect(planned.statusCode, planned.body).toBe(200);
    await tech.post(`/api/visits/${visit!.id}/start`);
    await tech.post(`/api/visits/${visit!.id}/complete`);
    expect((await order(orderId)).stage).toBe('completed');
    // What the relay hands billing's subscriber for the order.completed event.
    const subscriber = t.built.workers.subscribers.find((s) => s.queue === 'event.billing.invoice-on-completion');
    const [event] = await t.database.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.type, 'order.completed'), eq(outboxEvents.subjectId, orderId)));
    if (!subscriber || subscriber.inline) throw new Error('billing subscribes to order.completed through its queue');
    const relayed = {
      type: 'order.completed' as const,
      data: event!.data as { number: string },
      eventId: String(event!.id),
      subjectId: orderId,
      audience: event!.audience,
      occurredAt: new Date().toISOString(),
    };
    const invoiceCount = async () => {
      const r = await t.database.db.execute(sql`select count(*)::int as n from invoices where order_id = ${orderId}`);
      return ((r as unknown as { rows?: { n: number }[] }).rows ?? (r as unknown as { n: number }[]))[0]!.n;
    };
    expect(await invoiceCount()).toBe(0);
    await subscriber.handle(relayed);
    expect((await order(orderId)).stage).toBe('invoiced');
    // One invoice per payer (the customer's cable, the partner's installation).
    expect(await invoiceCount()).toBe(2);
    // A retried event finds nothing left to invoice and does nothing.
    await subscriber.handle(relayed);
    expect(await invoiceCount()).toBe(2);
    await t.database.db
      .update(businessEntities)
      .set({ invoiceOnCompletion: false })
      .where(eq(businessEntities.id, entityId));
  });
});

describe('visits for an order that has none', () => {
  it('ops add a visit to an order made before orders got their visits; once only', async () => {
    // A partner's API order: no quote, so no proposal.
    const id = t.fixtures.o2.id;
    await t.database.db.delete(visits).where(eq(visits.orderId, id));
    const none = await ops.post(`/api/orders/${id}/visits`);
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json().errors[0].field).toBe('body.type');
    const partner = await t.as('partner-b@bravo.example.nl');
    expect(
      (await partner.post(`/api/orders/${id}/visits`, { type: 'installation', durationMinutes: 240 })).statusCode,
    ).toBe(403);
    const made = await ops.post(`/api/orders/${id}/visits`, { type: 'installation', durationMinutes: 240 });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual([
      expect.objectContaining({
        type: 'installation',
        status: 'to_schedule',
        durationMinutes: 240,
        afterVisitId: null,
      }),
    ]);
    expect((await order(id)).visits).toHaveLength(1);
    const twice = await ops.post(`/api/orders/${id}/visits`, { type: 'installation', durationMinutes: 240 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('order_has_visits');
    expect((await ops.post('/api/orders/00000000-0000-4000-8000-000000000000/visits')).statusCode).toBe(404);
  });
});

describe('customer accounts when the customer first needs one', () => {
  it('the customer who signs gets a portal account', async () => {
    const { customerId, email } = await signedLeadQuote({ cableMeters: 15, meterCabinetUpgrade: false });
    const [user] = await t.database.db.select().from(users).where(eq(users.customerId, customerId));
    expect(user).toMatchObject({ role: 'customer', active: true });
    expect(user!.email.toLowerCase()).toBe(email.toLowerCase());
  });

  it("a lead's customer who asks for a login link gets an account and a real mail; an unknown address gets neither", async () => {
    const input = freshLead();
    const lead = (await ops.post('/api/leads', input)).json();
    const customerId = (await ops.get(`/api/leads/${lead.id}`)).json().customerId as string;
    expect(await t.database.db.select().from(users).where(eq(users.customerId, customerId))).toHaveLength(0);
    const mailsTo = async (to: string) =>
      (await t.database.db.execute(
        sql`select count(*)::int as n from email_outbox where lower("to") = lower(${to})`,
      )) as unknown as { rows?: { n: number }[] } & { n: number }[];
    const count = async (to: string) => {
      const r = await mailsTo(to);
      return (r.rows ?? r)[0]!.n;
    };
    const before = await count(input.email as string);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: (input.email as string).toUpperCase() },
    });
    expect(asked.statusCode).toBe(202);
    expect(await t.database.db.select().from(users).where(eq(users.customerId, customerId))).toHaveLength(1);
    expect(await count(input.email as string)).toBe(before + 1);

    const stranger = await t.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: 'nobody-here@example.nl' },
    });
    expect(stranger.statusCode).toBe(202);
    expect(stranger.json()).toEqual(asked.json());
    expect(await count('nobody-here@example.nl')).toBe(0);
    expect(
      await t.database.db.select().from(users).where(sql`lower(${users.email}) = 'nobody-here@example.nl'`),
    ).toHaveLength(0);
  });
});
