import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { requestLinkAndLogin } from '../../test/magic-login.ts';
import { emailOutbox } from '../../platform/mail.schema.ts';
import { quotes } from './quotes.schema.ts';

let t: TestApp;
let cat: Awaited<ReturnType<typeof loadCatalogFixtures>>;
let ops: Awaited<ReturnType<TestApp['as']>>;
let quoteA: string;

beforeAll(async () => {
  t = await createTestApp();
  cat = await loadCatalogFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
  quoteA = (
    await ops.post('/api/quotes/from-template', {
      templateId: cat.template.id,
      customerId: t.fixtures.c1.id,
      partnerId: t.fixtures.partnerA.id,
      answers: { cableMeters: 14, meterCabinetUpgrade: true },
    })
  ).json().id;
});
afterAll(() => t.close());

describe('who sees which quote', () => {
  it('the partner sees its quote with its own prices only; another partner gets 404', async () => {
    const alfa = await t.as('partner-a@alfa.example.nl');
    const q = (await alfa.get(`/api/quotes/${quoteA}`)).json();
    expect(q.customerTotalCents).toBe(0);
    expect(
      q.lines.filter((l: { billTo: string; totalCents: number }) => l.billTo === 'customer' && l.totalCents > 0),
    ).toEqual([]);
    expect((await alfa.get('/api/quotes')).json().total).toBe(1);
    const bravo = await t.as('partner-b@bravo.example.nl');
    for (const url of [
      `/api/quotes/${quoteA}`,
      `/api/quotes/${quoteA}/versions/1/diff/1`,
      `/api/quotes/${quoteA}/pdf?view=partner`,
    ])
      expect((await bravo.get(url)).statusCode).toBe(404);
    expect((await bravo.get('/api/quotes')).json().total).toBe(0);
    expect((await alfa.get(`/api/quotes/${quoteA}/pdf?view=customer`)).statusCode).toBe(403);
    expect((await alfa.post(`/api/quotes/${quoteA}/send`, { lockVersion: 1 })).statusCode).toBe(403);
  });

  it('the customer sees every line but prices only their own; another customer gets 404', async () => {
    const anna = await requestLinkAndLogin(t, 'anna@example.nl');
    const q = (await anna.get(`/api/quotes/${quoteA}`)).json();
    type Line = { billTo: string; specification: unknown; totalCents: number };
    expect(q.lines.some((l: Line) => l.billTo === 'customer' && l.totalCents > 0)).toBe(true);
    expect(
      q.lines.every((l: Line) => l.specification === null && (l.billTo === 'customer' || l.totalCents === 0)),
    ).toBe(true);
    expect(q.partnerTotalCents).toBe(0);
    const pdf = await anna.get(`/api/quotes/${quoteA}/pdf?view=customer`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bram = await requestLinkAndLogin(t, 'bram@example.nl');
    expect((await bram.get(`/api/quotes/${quoteA}`)).statusCode).toBe(404);
    expect((await bram.get('/api/quotes')).json().total).toBe(0);
  });

  it('a technician and anonymous callers get nothing', async () => {
    const tech = await t.as('tech1@chargecars.nl');
    expect((await tech.get(`/api/quotes/${quoteA}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/quotes/${quoteA}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/quote-templates' })).statusCode).toBe(401);
  });
});

describe('the partner of a quote', () => {
  it('defaults to the partner that brought the customer, and null names none', async () => {
    const implicit = (
      await ops.post('/api/quotes/from-template', { templateId: cat.template.id, customerId: t.fixtures.c1.id })
    ).json().id;
    expect((await ops.get(`/api/quotes/${implicit}`)).json()).toMatchObject({
      partnerId: t.fixtures.partnerA.id,
      partnerName: 'Autohuis Alfa',
    });
    const none = (
      await ops.post('/api/quotes/from-template', {
        templateId: cat.template.id,
        customerId: t.fixtures.c1.id,
        partnerId: null,
      })
    ).json().id;
    const q = (await ops.get(`/api/quotes/${none}`)).json();
    expect(q.partnerId).toBeNull();
    expect(
      q.lines.every(
        (l: { billTo: string; billingRule: string }) => l.billTo === 'customer' && l.billingRule === 'no_partner',
      ),
    ).toBe(true);
  });
});

describe('validity', () => {
  it('reminds five days before expiry once, then expires the quote, which can be renewed', async () => {
    await ops.post(`/api/quotes/${quoteA}/send`, {
      lockVersion: (await ops.get(`/api/quotes/${quoteA}`)).json().lockVersion,
    });
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await t.database.db.update(quotes).set({ validUntil: soon }).where(eq(quotes.id, quoteA));
    expect(await t.built.dailyJobs()).toMatchObject({ reminded: 1, expired: 0 });
    expect(await t.built.dailyJobs()).toMatchObject({ reminded: 0 });
    const mails = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.to, 'anna@example.nl'));
    expect(mails.some((m) => m.subject.startsWith('Herinnering'))).toBe(true);

    await t.database.db.update(quotes).set({ validUntil: '2020-01-01' }).where(eq(quotes.id, quoteA));
    expect(await t.built.dailyJobs()).toMatchObject({ expired: 1 });
    const expired = (await ops.get(`/api/quotes/${quoteA}`)).json();
    expect(expired.status).toBe('expired');
    const renewed = await ops.post(`/api/quotes/${quoteA}/renew`, { lockVersion: expired.lockVersion });
    expect(renewed.json()).toMatchObject({ status: 'sent', version: 2 });
    expect(renewed.json().validUntil > new Date().toISOString().slice(0, 10)).toBe(true);
  });
});
