import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { loadContractorFixtures } from '../../test/contractor-fixtures.ts';
import { quotes } from './quotes.schema.ts';
import { latestSigningToken, signer } from './signing-test-helpers.ts';

let t: TestApp;
let cat: Awaited<ReturnType<typeof loadCatalogFixtures>>;
let contractors: Awaited<ReturnType<typeof loadContractorFixtures>>;
let ops: Awaited<ReturnType<TestApp['as']>>;

beforeAll(async () => {
  t = await createTestApp();
  cat = await loadCatalogFixtures(t.database, t.fixtures);
  contractors = await loadContractorFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t.close());

const create = (partnerId: string, lines: unknown[]) =>
  ops.post('/api/quotes', { entityId: 'chargecars', customerId: contractors.customer.id, partnerId, lines });
const quoteCount = async () => (await t.database.db.select({ n: count() }).from(quotes))[0]!.n;

describe('reverse charge on quotes', () => {
  it("puts the installation company's lines on reverse charge and leaves the customer's at 21%", async () => {
    const res = await create(contractors.charlie.id, [
      { productId: cat.products.charger.id, quantity: 1 },
      { productId: cat.products.install.id, quantity: 1 },
      { productId: cat.products.cabinet.id, quantity: 1 },
    ]);
    expect(res.statusCode).toBe(201);
    const q = (await ops.get(`/api/quotes/${res.json().id}`)).json();
    const by = Object.fromEntries(q.lines.map((l: { description: string }) => [l.description, l]));
    expect(by['Zaptec Go 2 22 kW']).toMatchObject({
      billTo: 'partner',
      vatCategory: 'reverse_charge',
      vatRate: 0,
      unitPriceCents: 89900,
    });
    expect(by['Standaardinstallatie laadpaal']).toMatchObject({
      billTo: 'partner',
      vatCategory: 'reverse_charge',
      vatRate: 0,
    });
    expect(by['Meterkast uitbreiding extra groep']).toMatchObject({
      billTo: 'customer',
      vatCategory: 'standard',
      vatRate: 21,
    });
    expect(q.partnerVatNumber).toBe('NL123456789B01');
    // VAT only on the customer's line: 21% of 295,00.
    expect(q).toMatchObject({ partnerTotalCents: 89900 + 34900, customerTotalCents: 29500, vatCents: 6195 });
  });

  it('is not applied to a consumer, and asking for it on a line the customer pays is refused', async () => {
    const res = await ops.post('/api/quotes', {
      entityId: 'chargecars',
      customerId: t.fixtures.c1.id,
      partnerId: null,
      lines: [{ productId: cat.products.charger.id, quantity: 1 }],
    });
    expect((await ops.get(`/api/quotes/${res.json().id}`)).json().lines[0]).toMatchObject({
      billTo: 'customer',
      vatCategory: 'standard',
      vatRate: 21,
    });
    const before = await quoteCount();
    const forced = await create(contractors.charlie.id, [
      { productId: cat.products.cabinet.id, quantity: 1, vatCategory: 'reverse_charge' },
    ]);
    expect(forced.statusCode).toBe(422);
    expect(forced.json()).toMatchObject({
      code: 'invalid_quote_lines',
      errors: [{ field: 'lines.0.vatCategory', message: expect.stringContaining('klant') }],
    });
    expect(await quoteCount()).toBe(before);
  });

  it('is refused for a partner without a VAT number, whose lines keep their VAT', async () => {
    const before = await quoteCount();
    const forced = await create(contractors.delta.id, [
      {
        description: 'Montage door onderaannemer',
        quantity: 1,
        unitPriceCents: 50000,
        vatCategory: 'reverse_charge',
        billTo: 'partner',
      },
    ]);
    expect(forced.statusCode).toBe(422);
    expect(forced.json()).toMatchObject({
      code: 'invalid_quote_lines',
      errors: [{ field: 'lines.0.vatCategory', message: expect.stringContaining('btw-nummer') }],
    });
    expect(await quoteCount()).toBe(before);
    const plain = await create(contractors.delta.id, [{ productId: cat.products.charger.id, quantity: 1 }]);
    expect((await ops.get(`/api/quotes/${plain.json().id}`)).json().lines[0]).toMatchObject({
      billTo: 'partner',
      vatCategory: 'standard',
      vatRate: 21,
    });
    const mismatch = await create(contractors.delta.id, [
      { description: 'Vrije regel', quantity: 1, unitPriceCents: 1000, vatRate: 21, vatCategory: 'reduced' },
    ]);
    expect(mismatch.json().errors).toEqual([{ field: 'lines.0.vatRate', message: expect.stringContaining('9%') }]);
  });

  it('carries through signing into the order: the partner signs its part with "verlegd" and its VAT number', async () => {
    const id = (
      await create(contractors.charlie.id, [
        { productId: cat.products.charger.id, quantity: 1 },
        { productId: cat.products.cabinet.id, quantity: 1 },
      ])
    ).json().id;
    await ops.post(`/api/quotes/${id}/send`, { lockVersion: (await ops.get(`/api/quotes/${id}`)).json().lockVersion });
    const partnerToken = await latestSigningToken(t, 'info@charlie.example.nl');
    const customerToken = await latestSigningToken(t, 'carla@example.nl');
    const partnerPart = (await t.app.inject({ method: 'GET', url: `/api/sign/${partnerToken}` })).json();
    expect(partnerPart).toMatchObject({
      buyerVatNumber: 'NL123456789B01',
      vatCents: 0,
      grossCents: 89900,
      lines: [{ vatCategory: 'reverse_charge', vatRate: 0 }],
    });
    const customerPart = (await t.app.inject({ method: 'GET', url: `/api/sign/${customerToken}` })).json();
    expect(customerPart).toMatchObject({ buyerVatNumber: null, vatCents: 6195, lines: [{ vatCategory: 'standard' }] });
    const pdf = await t.app.inject({ method: 'GET', url: `/api/sign/${partnerToken}/pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await t.app.inject({
      method: 'POST',
      url: `/api/sign/${customerToken}`,
      headers: signer,
      payload: { name: 'Carla Klant', method: 'typed' },
    });
    const signed = (
      await t.app.inject({
        method: 'POST',
        url: `/api/sign/${partnerToken}`,
        headers: signer,
        payload: { name: 'Chris Charlie', method: 'typed' },
      })
    ).json();
    const order = (await ops.get(`/api/orders/${signed.orderId}`)).json();
    expect(order.lines.map((l: { billTo: string; vatCategory: string }) => [l.billTo, l.vatCategory])).toEqual([
      ['partner', 'reverse_charge'],
      ['customer', 'standard'],
    ]);
  });
});
