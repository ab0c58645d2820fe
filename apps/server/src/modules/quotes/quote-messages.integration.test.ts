import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { emailOutbox, messagePreferences } from '../../platform/mail.schema.ts';
import { quotes } from './quotes.schema.ts';
import { expireAndRemindQuotes } from './expire-quotes.ts';

// The messages of a quote's life: the signing links (which are the "quote sent" message) in each signer's
// language, and the customer told when the quote expired.
let t: TestApp;
let cat: Awaited<ReturnType<typeof loadCatalogFixtures>>;
let ops: Awaited<ReturnType<TestApp['as']>>;

beforeAll(async () => {
  t = await createTestApp();
  cat = await loadCatalogFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t?.close());

const mailsOf = (type: string, to: string) =>
  t.database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.messageType, type), eq(emailOutbox.to, to)));

async function sentQuote(customerId: string) {
  const created = await ops.post('/api/quotes/from-template', {
    templateId: cat.template.id,
    customerId,
    partnerId: t.fixtures.partnerA.id,
    answers: { cableMeters: 15, meterCabinetUpgrade: true },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const lockVersion = (await ops.get(`/api/quotes/${id}`)).json().lockVersion;
  const sent = await ops.post(`/api/quotes/${id}/send`, { lockVersion });
  expect(sent.json().signers).toEqual(['customer', 'partner']);
  return (await t.database.db.select().from(quotes).where(eq(quotes.id, id)))[0]!;
}

describe('the messages of a quote', () => {
  it('mails each signer their link in their own language, the partner at its contact for e-mail', async () => {
    const { c1, partnerA } = t.fixtures;
    await t.database.db.insert(messagePreferences).values({ customerId: c1.id, channels: ['email'], language: 'en' });
    const partner = await t.as('partner-a@alfa.example.nl');
    await partner.put(`/api/partners/${partnerA.id}/mail-settings`, {
      email: 'offertes@alfa.example.nl',
      language: 'en',
      leadQualified: false,
      orderCreated: false,
    });
    const quote = await sentQuote(c1.id);

    const [customerMail] = await mailsOf('signing_link', 'anna@example.nl');
    expect(customerMail).toMatchObject({ language: 'en', subject: `ChargeCars: quote ${quote.number} to sign` });
    expect(customerMail!.bodyText).toContain(
      `You sign your part with this link, valid up to and including ${quote.validUntil}`,
    );
    const [partnerMail] = await mailsOf('signing_link', 'offertes@alfa.example.nl');
    expect(partnerMail!.language).toBe('en');
    expect(partnerMail!.bodyText).toContain('You sign the partner part with this link');
    expect(await mailsOf('signing_link', partnerA.email)).toEqual([]);
  });

  it('mails a signer without a choice in Dutch', async () => {
    const { c2, partnerA } = t.fixtures;
    const partner = await t.as('partner-a@alfa.example.nl');
    await partner.put(`/api/partners/${partnerA.id}/mail-settings`, {
      email: partnerA.email,
      language: 'nl',
      leadQualified: false,
      orderCreated: false,
    });
    const quote = await sentQuote(c2.id);
    const [mail] = await mailsOf('signing_link', 'bram@example.nl');
    expect(mail).toMatchObject({ language: 'nl', subject: `ChargeCars: offerte ${quote.number} ter ondertekening` });
    expect(mail!.bodyText).toContain('U ondertekent uw deel via deze link');
    expect((await mailsOf('signing_link', partnerA.email))[0]!.bodyText).toContain('U ondertekent het partnerdeel');
  });

  it('tells the customer once that their quote expired, in their language', async () => {
    const quote = await sentQuote(t.fixtures.c1.id);
    const today = todayInAmsterdam();
    await t.database.db
      .update(quotes)
      .set({ validUntil: addDaysToDate(today, -1) })
      .where(eq(quotes.id, quote.id));
    const first = await expireAndRemindQuotes(t.database.db, today);
    await expireAndRemindQuotes(t.database.db, today);
    expect(first.expired).toBeGreaterThanOrEqual(1);

    const expired = (await mailsOf('quote_expired', 'anna@example.nl')).filter((m) => m.subject.includes(quote.number));
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      language: 'en',
      customerId: t.fixtures.c1.id,
      entityId: quote.entityId,
      subject: `Quote ${quote.number} has expired`,
    });
    expect(expired[0]!.bodyText).toContain(
      `was valid up to and including ${addDaysToDate(today, -1)} and has now expired`,
    );
  });
});
