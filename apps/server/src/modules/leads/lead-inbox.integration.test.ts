import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { completeLead } from '../../test/partner-api.ts';
import { emailOutbox, messagePreferences } from '../../platform/mail.schema.ts';
import { outboxEvents } from '../../platform/events/events.schema.ts';
import { leads } from './leads.schema.ts';

let t: TestApp;
let ops: Awaited<ReturnType<TestApp['as']>>;
beforeAll(async () => {
  t = await createTestApp();
  ops = await t.as('ops@chargecars.nl');
});
afterAll(async () => {
  await t?.close();
});

async function intakeMail(email: string) {
  const [mail] = await t.database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.to, email))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return mail!;
}
const intakeToken = async (email: string) => /\/intake\/([\w-]+)/.exec((await intakeMail(email)).bodyText)![1]!;

describe('ops lead inbox', () => {
  it('enters a lead for a partner, filters the inbox and shows the detail with timeline and score breakdown', async () => {
    const created = await ops.post('/api/leads', { ...completeLead(), partnerId: t.fixtures.partnerB.id });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const inbox = (
      await ops.get(`/api/leads?status=qualified&partnerId=${t.fixtures.partnerB.id}&region=MIDDEN&minScore=10`)
    ).json();
    expect(inbox.items.map((l: { id: string }) => l.id)).toContain(id);
    expect((await ops.get('/api/leads?entity=nope')).json().total).toBe(0);
    const detail = (await ops.get(`/api/leads/${id}`)).json();
    expect(detail).toMatchObject({
      source: 'ops',
      partnerName: 'Energie Bravo',
      status: 'qualified',
      intake: { completedAt: null },
    });
    expect(detail.scoreReasons).toHaveLength(4);
    expect(detail.timeline.map((s: { step: string }) => s.step)).toContain('routed');
    type Step = { step: string; summary: string };
    expect(detail.timeline.find((s: Step) => s.step === 'received').summary).toBe(
      'Ontvangen via operations van Energie Bravo',
    );
    // The same timeline for a reader who chose English (issue 16).
    const english = (await ops.get(`/api/leads/${id}`, { 'accept-language': 'en-GB,en;q=0.9' })).json();
    expect(english.timeline.find((s: Step) => s.step === 'received').summary).toBe(
      'Received via operations from Energie Bravo',
    );
    expect(english.timeline.find((s: Step) => s.step === 'qualified').summary).toBe(
      'Qualified automatically: complete and valid, ready for a quote',
    );
  });

  it('qualifies, rejects with a reason and assigns by hand; a decided lead cannot be decided again', async () => {
    const waiting = (await ops.post('/api/leads', { email: 'wacht@example.nl', name: 'Wachtend' })).json();
    expect(waiting.status).toBe('awaiting_intake');
    expect(
      (
        await ops.post(`/api/leads/${waiting.id}/assign`, {
          entityId: 'laderthuis',
          userId: t.fixtures.users['ops@chargecars.nl']!.id,
        })
      ).json(),
    ).toMatchObject({ entityId: 'laderthuis' });
    // Only to a colleague who works leads: not to a user that does not exist, nor to a partner's login.
    for (const userId of ['7d1c0b9e-5a7f-4c3e-9b1a-2f6e8d4c0a11', t.fixtures.users['partner-a@alfa.example.nl']!.id]) {
      const refused = await ops.post(`/api/leads/${waiting.id}/assign`, { userId });
      expect(refused.statusCode, userId).toBe(422);
      expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.userId']);
    }
    expect((await ops.post(`/api/leads/${waiting.id}/qualify`)).json()).toEqual({ status: 'qualified' });
    expect((await ops.post(`/api/leads/${waiting.id}/qualify`)).statusCode).toBe(409);
    expect(
      (await ops.post(`/api/leads/${waiting.id}/reject`, { reason: 'Dubbel met een andere aanvraag' })).json(),
    ).toEqual({ status: 'rejected' });
    expect((await ops.post(`/api/leads/${waiting.id}/reject`, { reason: 'x' })).statusCode).toBe(400);
    const [row] = await t.database.db.select().from(leads).where(eq(leads.id, waiting.id));
    expect(row).toMatchObject({ status: 'rejected', rejectedReason: 'Dubbel met een andere aanvraag' });
    const events = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.subjectId, waiting.id));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['lead.received', 'lead.qualified', 'lead.rejected', 'lead.assigned']),
    );
  });

  it('keeps partners to their own leads and out of ops actions', async () => {
    const theirs = (await ops.post('/api/leads', { ...completeLead(), partnerId: t.fixtures.partnerB.id })).json();
    const alfa = await t.as('partner-a@alfa.example.nl');
    expect((await alfa.get(`/api/leads/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await alfa.get('/api/leads'))
        .json()
        .items.every((l: { partnerId: string }) => l.partnerId === t.fixtures.partnerA.id),
    ).toBe(true);
    expect((await alfa.post(`/api/leads/${theirs.id}/qualify`)).statusCode).toBe(403);
    expect((await alfa.post('/api/leads', completeLead())).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/leads' })).statusCode).toBe(401);
  });

  it('edits routing rules that route the next lead', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/lead-routing-rules',
      headers: { cookie: `cc_session=${ops.cookie}`, 'x-csrf-token': ops.csrf },
      payload: {
        rules: [
          {
            priority: 1,
            name: 'Meterkast naar ChargeCars',
            partnerEntityId: null,
            productInterest: 'Meterkast uitbreiden',
            customerKind: null,
            entityId: 'chargecars',
            active: true,
          },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const lead = (await ops.post('/api/leads', completeLead({ productInterest: 'Meterkast uitbreiden' }))).json();
    expect((await ops.get(`/api/leads/${lead.id}`)).json().entityId).toBe('chargecars');
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/lead-routing-rules',
      headers: { cookie: `cc_session=${ops.cookie}`, 'x-csrf-token': ops.csrf },
      payload: {
        rules: [
          {
            priority: 1,
            name: 'x',
            partnerEntityId: null,
            productInterest: null,
            customerKind: null,
            entityId: 'bestaat-niet',
            active: true,
          },
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
  });
});

describe('web form and intake questionnaire', () => {
  it('takes a web-form lead, and the intake answers qualify it', async () => {
    const email = 'webform@example.nl';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/leads',
      payload: {
        email,
        name: 'Web Klant',
        phone: '0611122233',
        address: { postcode: '1012 LG', houseNumber: 40, street: 'Damrak', city: 'Amsterdam' },
      },
    });
    expect(res.statusCode).toBe(201);
    const token = await intakeToken(email);
    expect((await t.app.inject({ method: 'GET', url: `/api/intake/${token}` })).json()).toMatchObject({
      firstName: 'Web',
      completed: false,
    });
    const photo = {
      fileName: 'meterkast.jpg',
      contentType: 'image/jpeg',
      dataBase64: Buffer.from('jpeg-bytes').toString('base64'),
    };
    const answer = {
      meterCabinetType: 'modern_groups',
      phases: '3',
      distanceCabinetToParkingMeters: 12,
      parking: 'driveway',
      photos: [photo],
    };
    const submitted = await t.app.inject({ method: 'POST', url: `/api/intake/${token}`, payload: answer });
    expect(submitted.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/intake/${token}`, payload: answer })).statusCode).toBe(409);
    const [row] = await t.database.db.select().from(leads).where(eq(leads.email, email));
    const detail = (await ops.get(`/api/leads/${row!.id}`)).json();
    expect(detail.intake).toMatchObject({ answers: { phases: '3', distanceCabinetToParkingMeters: 12 }, photos: 1 });
    expect(detail.timeline.map((s: { step: string }) => s.step)).toContain('intake_completed');
  });

  it("sends the intake invitation and its reminder in the language of the lead's customer", async () => {
    const { c1 } = t.fixtures;
    await t.database.db.insert(messagePreferences).values({ customerId: c1.id, channels: ['email'], language: 'en' });
    const created = await ops.post('/api/leads', { email: 'anna@example.nl', name: 'Anna de Vries' });
    expect(created.statusCode).toBe(201);
    const intakes = async () =>
      t.database.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.to, 'anna@example.nl'), like(emailOutbox.messageType, 'intake_%')))
        .orderBy(emailOutbox.createdAt);
    const [invitation] = await intakes();
    expect(invitation).toMatchObject({ messageType: 'intake_invitation', language: 'en' });
    expect(invitation!.subject).toMatch(/^A few questions about your charger \(/);
    await t.built.services.leads.runFollowUps(new Date(Date.now() + 4 * 86_400_000));
    const reminder = (await intakes()).find((m) => m.messageType === 'intake_reminder');
    expect(reminder!.subject).toMatch(/^Reminder: a few questions about your charger/);
    // A new customer has no choice yet: Dutch.
    expect((await intakeMail('webform@example.nl')).language).toBe('nl');
  });

  it('refuses unknown tokens and bad answers', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/intake/${'x'.repeat(43)}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/intake/${'x'.repeat(43)}`, payload: { phases: '2' } }))
        .statusCode,
    ).toBe(400);
  });
});

describe('follow-up sequences', () => {
  it('reminds after N days at most twice, and escalates a lead past its SLA once', async () => {
    const lead = (await ops.post('/api/leads', { email: 'traag@example.nl', name: 'Trage Klant' })).json();
    const later = new Date(Date.now() + 4 * 86_400_000);
    const first = await t.built.services.leads.runFollowUps(later);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const again = await t.built.services.leads.runFollowUps(later);
    expect(again).toEqual({ reminded: 0, escalated: 0 });
    await t.built.services.leads.runFollowUps(new Date(Date.now() + 8 * 86_400_000));
    await t.built.services.leads.runFollowUps(new Date(Date.now() + 12 * 86_400_000));
    const detail = (await ops.get(`/api/leads/${lead.id}`)).json();
    expect(detail.intake.remindersSent).toBe(2);
    expect(detail.timeline.filter((s: { step: string }) => s.step === 'escalated')).toHaveLength(1);
    const overdue = (await ops.get('/api/leads?overdue=true')).json();
    expect(overdue.items.some((l: { id: string }) => l.id === lead.id)).toBe(false);
  });
});
