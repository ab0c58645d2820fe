import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { pdfText } from '../../test/pdf-text.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { quoteSigningTrail } from './quotes.schema.ts';
import { outboxEvents } from '../../platform/events/events.schema.ts';
import { verifyTrail } from './signing-trail.ts';
import { latestSigningToken, signer } from './signing-test-helpers.ts';

let t: TestApp;
let cat: Awaited<ReturnType<typeof loadCatalogFixtures>>;
let ops: Awaited<ReturnType<TestApp['as']>>;

beforeAll(async () => {
  t = await createTestApp();
  cat = await loadCatalogFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t.close());

const fromTemplate = (answers: Record<string, unknown> = { cableMeters: 15, meterCabinetUpgrade: true }) =>
  ops.post('/api/quotes/from-template', {
    templateId: cat.template.id,
    customerId: t.fixtures.c1.id,
    partnerId: t.fixtures.partnerA.id,
    answers,
  });
const detail = async (id: string) => (await ops.get(`/api/quotes/${id}`)).json();

describe('quote from a template', () => {
  it('allocates each line by the partner agreement and shows the rule', async () => {
    const res = await fromTemplate();
    expect(res.statusCode).toBe(201);
    const q = await detail(res.json().id);
    expect(q.number).toMatch(/^OFF-\d{4}-\d{6}$/);
    const by = Object.fromEntries(q.lines.map((l: { description: string }) => [l.description, l]));
    expect(by['Zaptec Go 2 22 kW']).toMatchObject({
      billTo: 'partner',
      unitPriceCents: 79900,
      billingRule: 'agreement:charging_station',
    });
    expect(by['Installatiekabel 5x6 mm² per meter']).toMatchObject({ billTo: 'partner', quantity: 10 });
    expect(by['Meerprijs kabel per meter boven 10 m']).toMatchObject({
      billTo: 'customer',
      quantity: 5,
      totalCents: 12250,
      billingRule: 'beyond_standard',
    });
    expect(by['Meterkast uitbreiding extra groep']).toMatchObject({
      billTo: 'customer',
      billingRule: 'not_in_agreement:meter_cabinet',
    });
    expect(q.visits).toEqual([
      { sequence: 1, type: 'installation', durationMinutes: 210 },
      { sequence: 2, type: 'meter_replacement', durationMinutes: 90 },
    ]);
    expect(q.customerTotalCents).toBe(12250 + 29500);
    expect(q.partnerTotalCents).toBe(79900 + 34900 + 12500);
    expect(q.status).toBe('draft');
  });

  it('proposes one visit without a meter-cabinet line and skips answers of zero', async () => {
    const q = await detail((await fromTemplate({ cableMeters: 8 })).json().id);
    expect(q.lines.map((l: { description: string }) => l.description)).not.toContain(
      'Meerprijs kabel per meter boven 10 m',
    );
    expect(q.visits).toHaveLength(1);
  });

  it('previews the earliest workdays with capacity in the customer region', async () => {
    const id = (await fromTemplate()).json().id;
    const res = await ops.get(`/api/quotes/${id}/visit-preview`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toBe('MIDDEN');
    expect(body.visits[0].earliestDates.length).toBeGreaterThan(0);
    expect(body.visits[1].earliestDates[0] > body.visits[0].earliestDates[0]).toBe(true);
  });
});

describe('signing both parts', () => {
  it('each side sees exactly its part; both signatures create the order with a chained trail', async () => {
    const id = (await fromTemplate()).json().id;
    const sent = await ops.post(`/api/quotes/${id}/send`, { lockVersion: (await detail(id)).lockVersion });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().signers).toEqual(['customer', 'partner']);
    const customerToken = await latestSigningToken(t, 'anna@example.nl');
    const partnerToken = await latestSigningToken(t, 'info@alfa.example.nl');

    const customerPart = (await t.app.inject({ method: 'GET', url: `/api/sign/${customerToken}` })).json();
    expect(customerPart.role).toBe('customer');
    expect(customerPart.lines.map((l: { description: string }) => l.description)).toEqual([
      'Meerprijs kabel per meter boven 10 m',
      'Meterkast uitbreiding extra groep',
    ]);
    expect(customerPart.lines.every((l: { specification: unknown }) => l.specification === null)).toBe(true);
    expect(customerPart.grossCents).toBe(customerPart.netCents + customerPart.vatCents);
    // The signer sees what is installed where and when, not only their own price lines.
    expect(customerPart.installationAddress).toEqual({
      street: 'Kerkstraat',
      houseNumber: 1,
      houseNumberAddition: null,
      postcode: '3861 AB',
      city: 'Nijkerk',
    });
    expect(customerPart.installedItems).toContainEqual({
      description: 'Zaptec Go 2 22 kW',
      descriptionEn: 'Zaptec Go 2 22 kW charger',
      quantity: 1,
    });
    expect(JSON.stringify(customerPart.installedItems)).not.toMatch(/Cents/);
    expect(customerPart.visits).toEqual([
      expect.objectContaining({ sequence: 1, type: 'installation', durationMinutes: 210 }),
      expect.objectContaining({ sequence: 2, type: 'meter_replacement', durationMinutes: 90 }),
    ]);
    expect(customerPart.visits[0].earliestDates.length).toBeGreaterThan(0);
    expect(customerPart.consumer).toBe(true);
    const partnerPart = (await t.app.inject({ method: 'GET', url: `/api/sign/${partnerToken}` })).json();
    expect(partnerPart.lines).toHaveLength(3);
    expect(partnerPart.consumer).toBe(false);
    expect(partnerPart.lines[0].specification).toContain('ZAP-GO2-22');

    const first = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${customerToken}`,
      headers: signer,
      payload: { name: 'Anna de Vries', method: 'typed' },
    });
    expect(first.json()).toEqual({ status: 'signed', quoteStatus: 'partially_signed', orderId: null });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${customerToken}`,
      headers: signer,
      payload: { name: 'Anna de Vries', method: 'typed' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('signing_link_used');

    const png = `data:image/png;base64,${Buffer.from('handtekening').toString('base64')}`;
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${partnerToken}`,
      headers: signer,
      payload: { name: 'Paul Alfa', method: 'drawn', signatureImage: png },
    });
    expect(second.json()).toMatchObject({ status: 'signed', quoteStatus: 'signed', orderId: expect.any(String) });

    const order = (await ops.get(`/api/orders/${second.json().orderId}`)).json();
    expect(order.stage).toBe('new');
    expect(order.customerTotalCents).toBe(customerPart.netCents);
    expect(order.lines).toHaveLength(5);
    expect(order.milestones.find((m: { code: string }) => m.code === 'order_received').reachedAt).not.toBeNull();
    const timeline = (await ops.get(`/api/orders/${order.id}/timeline`)).json();
    expect(timeline[0]).toMatchObject({ kind: 'created', toStage: 'new', reason: expect.stringContaining('getekend') });
    const q = await detail(id);
    expect(q.status).toBe('signed');
    expect(q.orderId).toBe(order.id);
    expect(q.signatures.filter((s: { status: string }) => s.status === 'signed')).toHaveLength(2);

    const trail = await t.database.db
      .select()
      .from(quoteSigningTrail)
      .where(eq(quoteSigningTrail.quoteId, id))
      .orderBy(quoteSigningTrail.sequence);
    expect(trail.map((e) => e.event)).toEqual(['link_sent', 'link_sent', 'signed', 'signed', 'fully_signed']);
    expect(trail[2]!.detail).toMatchObject({
      role: 'customer',
      userAgent: 'Vitest-Signer/1.0',
      ip: expect.any(String),
      documentSha256: customerPart.documentSha256,
    });
    expect(verifyTrail(trail)).toBe(true);
    // Changing any entry breaks the chain.
    expect(
      verifyTrail(trail.map((e, i) => (i === 2 ? { ...e, detail: { ...e.detail, signerName: 'Iemand anders' } } : e))),
    ).toBe(false);

    const events = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'order.created'));
    expect(events.at(-1)!.audience).toMatchObject({ partnerId: t.fixtures.partnerA.id, customerId: t.fixtures.c1.id });

    const pdf = await t.app.inject({ method: 'GET', url: `/api/sign/${customerToken}/pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The certificate page follows the quote page.
    expect(pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(pdfText(pdf.rawPayload)).toEqual(
      expect.arrayContaining(['Totaal incl. btw', 'Certificaat van ondertekening']),
    );
    // The signer who reads the page in English gets the PDF in English (issue 16).
    const english = await t.app.inject({ method: 'GET', url: `/api/sign/${customerToken}/pdf?lang=en` });
    expect(pdfText(english.rawPayload)).toEqual(expect.arrayContaining(['Total incl. VAT', 'Signing certificate']));
    expect(pdfText(english.rawPayload)).not.toContain('Totaal incl. btw');
  });

  it('a change after one side signed voids that signature and asks both again; the diff shows it', async () => {
    const id = (await fromTemplate()).json().id;
    await ops.post(`/api/quotes/${id}/send`, { lockVersion: (await detail(id)).lockVersion });
    const oldToken = await latestSigningToken(t, 'anna@example.nl');
    await t.app.inject({
      method: 'POST',
      url: `/api/sign/${oldToken}`,
      headers: signer,
      payload: { name: 'Anna de Vries', method: 'typed' },
    });
    const q = await detail(id);
    const lines = q.lines.map((l: { productId: string; quantity: number; description: string }) => ({
      productId: l.productId,
      quantity: l.description.startsWith('Meerprijs') ? 8 : l.quantity,
    }));
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/quotes/${id}`,
      headers: { cookie: `cc_session=${ops.cookie}`, 'x-csrf-token': ops.csrf },
      payload: { lockVersion: q.lockVersion, lines, changeNote: 'Kabel 18 m' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, status: 'sent' });
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${oldToken}`,
      headers: signer,
      payload: { name: 'Anna de Vries', method: 'typed' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('signing_link_superseded');
    const after = await detail(id);
    expect(after.signatures.filter((s: { status: string }) => s.status === 'invalidated')).toHaveLength(2);
    expect(
      after.signatures.filter((s: { status: string; version: number }) => s.status === 'pending' && s.version === 2),
    ).toHaveLength(2);
    expect(await latestSigningToken(t, 'anna@example.nl')).not.toBe(oldToken);

    const diff = (await ops.get(`/api/quotes/${id}/versions/1/diff/2`)).json();
    expect(diff.changed).toEqual([
      expect.objectContaining({
        description: 'Meerprijs kabel per meter boven 10 m',
        fields: ['quantity', 'totalCents'],
      }),
    ]);
    expect(diff.to).toMatchObject({ version: 2, createdByName: 'Otto Operations', changeNote: 'Kabel 18 m' });
    expect(diff.totals.customerAfter - diff.totals.customerBefore).toBe(3 * 2450);
  });

  it('a signer can decline with a reason; ops renew it as a new version', async () => {
    const id = (await fromTemplate()).json().id;
    await ops.post(`/api/quotes/${id}/send`, { lockVersion: (await detail(id)).lockVersion });
    const token = await latestSigningToken(t, 'info@alfa.example.nl');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${token}/decline`,
      headers: signer,
      payload: { reason: 'Klant wil een andere laadpaal' },
    });
    expect(res.json()).toMatchObject({ status: 'declined', quoteStatus: 'declined' });
    const declined = await detail(id);
    expect(
      declined.signatures.find((s: { role: string; version: number }) => s.role === 'partner' && s.version === 1)
        .declineReason,
    ).toBe('Klant wil een andere laadpaal');
    const renewed = await ops.post(`/api/quotes/${id}/renew`, { lockVersion: declined.lockVersion });
    expect(renewed.json()).toMatchObject({ version: 2, status: 'sent' });
    // The platform's note on the new version reads in either language (issue 16).
    expect((await detail(id)).versions.at(-1)).toMatchObject({
      changeNote: 'Vernieuwd na verlopen of afwijzen',
      changeNoteEn: 'Renewed after it expired or was declined',
    });
  });
});
