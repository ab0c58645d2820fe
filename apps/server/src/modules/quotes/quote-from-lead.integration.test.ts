import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { requestLinkAndLogin } from '../../test/magic-login.ts';
import { leadIntakes, leads } from '../leads/leads.schema.ts';
import { quotes } from './quotes.schema.ts';

let t: TestApp;
let cat: Awaited<ReturnType<typeof loadCatalogFixtures>>;
let ops: Awaited<ReturnType<TestApp['as']>>;
let leadId: string;

beforeAll(async () => {
  t = await createTestApp();
  cat = await loadCatalogFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
  const [lead] = await t.database.db
    .insert(leads)
    .values({
      number: 'LD-2026-900001',
      entityId: 'chargecars',
      partnerId: t.fixtures.partnerA.id,
      customerId: t.fixtures.c1.id,
      source: 'api',
      status: 'qualified',
      name: t.fixtures.c1.name,
      email: 'lead@example.nl',
      notes: 'Klant wil de laadpaal aan de voorgevel',
    })
    .returning();
  leadId = lead!.id;
  await t.database.db.insert(leadIntakes).values({
    leadId,
    tokenHash: 'x'.repeat(64),
    sentAt: new Date(),
    completedAt: new Date(),
    answers: { meterCabinetType: 'old_fuses', phases: '3', distanceCabinetToParkingMeters: 14, parking: 'driveway' },
  });
});
afterAll(() => t.close());

const quoteCount = async () => (await t.database.db.select({ n: count() }).from(quotes))[0]!.n;

describe('a quote made from a lead', () => {
  it('names its lead: the quote shows the lead with its notes and intake answers, the lead its quote', async () => {
    const res = await ops.post('/api/quotes/from-template', {
      templateId: cat.template.id,
      customerId: t.fixtures.c1.id,
      partnerId: t.fixtures.partnerA.id,
      leadId,
      answers: { cableMeters: 14, meterCabinetUpgrade: true },
    });
    expect(res.statusCode).toBe(201);
    const quote = (await ops.get(`/api/quotes/${res.json().id}`)).json();
    expect(quote.leadId).toBe(leadId);
    expect(quote.lead).toEqual({
      id: leadId,
      number: 'LD-2026-900001',
      notes: 'Klant wil de laadpaal aan de voorgevel',
      intakeAnswers: {
        meterCabinetType: 'old_fuses',
        phases: '3',
        distanceCabinetToParkingMeters: 14,
        parking: 'driveway',
      },
    });
    const lead = (await ops.get(`/api/leads/${leadId}`)).json();
    expect(lead.customerId).toBe(t.fixtures.c1.id);
    expect(lead.quotes).toEqual([
      { id: quote.id, number: quote.number, status: 'draft', orderId: null, orderNumber: null },
    ]);
  });

  it('keeps the lead from the customer and the partner', async () => {
    const res = await ops.post('/api/quotes/from-template', {
      templateId: cat.template.id,
      customerId: t.fixtures.c1.id,
      leadId,
    });
    const id = res.json().id;
    const asCustomer = await requestLinkAndLogin(t, 'anna@example.nl');
    expect((await asCustomer.get(`/api/quotes/${id}`)).json().lead).toBeNull();
    const asPartner = await t.as('partner-a@alfa.example.nl');
    expect((await asPartner.get(`/api/quotes/${id}`)).json().lead).toBeNull();
    expect((await asPartner.get(`/api/leads/${leadId}`)).json().quotes).toEqual([]);
  });

  it('refuses a lead of another customer, and a lead that does not exist, naming the field', async () => {
    const before = await quoteCount();
    for (const [customerId, lead] of [
      [t.fixtures.c2.id, leadId],
      [t.fixtures.c1.id, '00000000-0000-4000-8000-000000000001'],
    ]) {
      const res = await ops.post('/api/quotes', {
        entityId: 'chargecars',
        customerId,
        leadId: lead,
        lines: [{ productId: cat.products.charger.id, quantity: 1 }],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toContainEqual({
        field: 'leadId',
        message: 'lead bestaat niet of hoort bij een andere klant',
      });
    }
    expect(await quoteCount()).toBe(before);
  });
});
