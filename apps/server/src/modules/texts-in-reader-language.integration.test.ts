import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { completeLead } from '../test/partner-api.ts';
import { interactions } from './crm/crm.schema.ts';
import { leadTimeline } from './leads/leads.schema.ts';
import { orderEvents } from './orders/orders.schema.ts';

// Issue 16: what the platform writes for people is stored as a sentence (a code and its parameters) and
// worded when read, in the reader's language; what a person typed, and rows from before the codes, read
// as they were written.
let t: TestApp;
let ops: Awaited<ReturnType<TestApp['as']>>;
const english = { 'accept-language': 'en-GB,en;q=0.9' };
beforeAll(async () => {
  t = await createTestApp();
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t?.close());

type Entry = { summary: string };

describe('the contact history', () => {
  it('notes a repeat lead as a sentence, read in Dutch or in English', async () => {
    const c1 = t.fixtures.c1;
    const created = await ops.post('/api/leads', completeLead({ email: 'anna@example.nl' }));
    expect(created.statusCode).toBe(201);
    const [row] = await t.database.db
      .select()
      .from(interactions)
      .where(and(eq(interactions.customerId, c1.id), eq(interactions.code, 'contact.lead_received')));
    expect(row).toMatchObject({ summary: null, summaryEn: null, params: {} });

    const inDutch = (await ops.get(`/api/customers/${c1.id}`)).json();
    const inEnglish = (await ops.get(`/api/customers/${c1.id}`, english)).json();
    expect(inDutch.interactions.map((i: Entry) => i.summary)).toContain('Nieuwe lead ontvangen');
    expect(inEnglish.interactions.map((i: Entry) => i.summary)).toContain('New lead received');
    expect(inEnglish.interactions.map((i: Entry) => i.summary)).not.toContain('Nieuwe lead ontvangen');
  });

  it('reads an entry from before the codes, or one a person wrote, as it was written', async () => {
    const c1 = t.fixtures.c1;
    await t.database.db.insert(interactions).values([
      { customerId: c1.id, entityId: 'chargecars', channel: 'phone', summary: 'Vraag over laadpas beantwoord' },
      {
        customerId: c1.id,
        entityId: 'chargecars',
        channel: 'order',
        summary: 'Order geplaatst',
        summaryEn: 'Order placed',
      },
    ]);
    const summaries = (await ops.get(`/api/customers/${c1.id}`, english))
      .json()
      .interactions.map((i: Entry) => i.summary);
    expect(summaries).toEqual(expect.arrayContaining(['Vraag over laadpas beantwoord', 'Order placed']));
  });
});

describe('the lead timeline', () => {
  it('stores each step as a sentence and words its numbers in the reader locale', async () => {
    const id = (await ops.post('/api/leads', completeLead())).json().id;
    const rows = await t.database.db.select().from(leadTimeline).where(eq(leadTimeline.leadId, id));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.code !== null && r.summary === null)).toBe(true);

    const step = (timeline: { step: string; summary: string }[], name: string) =>
      timeline.find((s) => s.step === name)!.summary;
    const dutch = (await ops.get(`/api/leads/${id}`)).json().timeline;
    const inEnglish = (await ops.get(`/api/leads/${id}`, english)).json().timeline;
    expect(step(dutch, 'received')).toBe('Ontvangen via operations');
    expect(step(inEnglish, 'received')).toBe('Received via operations');
    expect(step(dutch, 'deduplicated')).toBe('Nieuwe klant aangemaakt');
    expect(step(inEnglish, 'deduplicated')).toBe('New customer created');
    expect(step(inEnglish, 'intake_sent')).toMatch(/^Intake questionnaire sent to lead-\w+@example\.nl$/);
  });

  it('reads a step from before the codes as it was written, in English where it kept English', async () => {
    const id = (await ops.post('/api/leads', completeLead())).json().id;
    await t.database.db.insert(leadTimeline).values([
      { leadId: id, step: 'note', summary: 'Oude stap', actorName: 'Olga Ops' },
      { leadId: id, step: 'note', summary: 'Tweede stap', summaryEn: 'Second step', actorName: 'Olga Ops' },
    ]);
    const summaries = (await ops.get(`/api/leads/${id}`, english)).json().timeline.map((s: Entry) => s.summary);
    expect(summaries).toEqual(expect.arrayContaining(['Oude stap', 'Second step']));
  });
});

describe('the order timeline', () => {
  it('reads a reason typed by a person as typed, and an older English one in English', async () => {
    const o1 = t.fixtures.o1;
    await t.database.db.insert(orderEvents).values([
      { orderId: o1.id, kind: 'stage_changed', toStage: 'on_hold', reason: 'Wacht op netbeheerder', actorName: 'Olga' },
      {
        orderId: o1.id,
        kind: 'stage_changed',
        toStage: 'new',
        reason: 'Hervat',
        reasonEn: 'Resumed',
        actorName: 'Olga',
      },
    ]);
    const reasons = (await ops.get(`/api/orders/${o1.id}/timeline`, english))
      .json()
      .map((e: { reason: string | null }) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Wacht op netbeheerder', 'Resumed']));
  });
});

describe('who acted', () => {
  it("names the system's own steps in the reader's language, and a person as named", async () => {
    const o1 = t.fixtures.o1;
    await t.database.db.insert(orderEvents).values([
      { orderId: o1.id, kind: 'stage_changed', toStage: 'materials', actorName: 'Systeem' },
      { orderId: o1.id, kind: 'stage_changed', toStage: 'on_hold', actorName: 'Olga' },
    ]);
    const names = async (headers?: Record<string, string>) =>
      (await ops.get(`/api/orders/${o1.id}/timeline`, headers)).json().map((e: { actorName: string }) => e.actorName);
    expect(await names(english)).toEqual(expect.arrayContaining(['System', 'Olga']));
    expect(await names(english)).not.toContain('Systeem');
    expect(await names()).toEqual(expect.arrayContaining(['Systeem', 'Olga']));
  });
});
