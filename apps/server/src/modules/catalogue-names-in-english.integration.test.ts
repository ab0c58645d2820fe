import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { loadCatalogFixtures } from '../test/catalog-fixtures.ts';
import { loadInventoryFixtures } from '../test/inventory-fixtures.ts';
import { completeOrderVisits } from '../test/complete-order-visits.ts';
import { requestLinkAndLogin } from '../test/magic-login.ts';
import { pdfText } from '../test/pdf-text.ts';
import { latestSigningToken, signer } from './quotes/signing-test-helpers.ts';

// Issue 16: a reader who chose English read the catalogue's Dutch names on quotes, orders and the signing
// page ("Standaardinstallatie laadpaal", "45 min arbeid"). Products, kits and templates carry an English
// name; a quote line keeps the catalogue's English wording beside its Dutch one, as it keeps its price,
// and the order takes it over. What is signed stays the Dutch part: its hash does not change.
let t: TestApp;
let cat: Awaited<ReturnType<typeof loadCatalogFixtures>>;
let ops: Awaited<ReturnType<TestApp['as']>>;
type Line = {
  description: string;
  descriptionEn: string | null;
  specification: string | null;
  specificationEn: string | null;
  billTo: string;
};

beforeAll(async () => {
  t = await createTestApp();
  cat = await loadCatalogFixtures(t.database, t.fixtures);
  await loadInventoryFixtures(t.database, t.fixtures, cat);
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t.close());

describe('catalogue names in English', () => {
  it('lists products, kits, their components and templates with their English names beside the Dutch', async () => {
    const { items } = (await ops.get('/api/catalog/items?entityId=chargecars')).json();
    const byCode = (code: string) => items.find((i: { code: string }) => i.code === code);
    expect(byCode('SRV-INST-STD')).toMatchObject({
      name: 'Standaardinstallatie laadpaal',
      nameEn: 'Standard charger installation',
    });
    expect(byCode('KIT-THUIS')).toMatchObject({
      name: 'Thuislaadpakket Zaptec Go 2',
      nameEn: 'Zaptec Go 2 home charging kit',
    });
    expect(byCode('KIT-THUIS').components).toContainEqual({
      code: 'SRV-INST-STD',
      name: 'Standaardinstallatie laadpaal',
      nameEn: 'Standard charger installation',
      quantity: 1,
    });
    // A kit the catalogue has no English name for says so; the page shows the Dutch one.
    expect(byCode('KIT-MK')).toMatchObject({ name: 'Meterkast klaar voor laden', nameEn: null });

    const [template] = (await ops.get('/api/quote-templates?entityId=chargecars')).json();
    expect(template).toMatchObject({ name: 'Standaard laadpaal-installatie', nameEn: 'Standard charger installation' });
    expect(template.lines[0]).toMatchObject({
      description: 'Zaptec Go 2 22 kW',
      descriptionEn: 'Zaptec Go 2 22 kW charger',
    });
  });

  it('keeps the English wording on the quote, the signing page, the PDF and the order; the signed part stays Dutch', async () => {
    const created = await ops.post('/api/quotes', {
      entityId: 'chargecars',
      customerId: t.fixtures.c1.id,
      partnerId: t.fixtures.partnerA.id,
      lines: [
        { productId: cat.products.install.id, quantity: 1 },
        { kitId: cat.kits.home.id, quantity: 1 },
        { description: 'Paal verplaatsen', quantity: 1, unitPriceCents: 5000, vatRate: 21, billTo: 'customer' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const quote = (await ops.get(`/api/quotes/${id}`)).json();
    const [install, kit, free] = quote.lines as Line[];
    expect(install).toMatchObject({
      description: 'Standaardinstallatie laadpaal',
      descriptionEn: 'Standard charger installation',
      specification: 'art. SRV-INST-STD · 180 min arbeid',
      specificationEn: 'item SRV-INST-STD · 180 min labour',
    });
    expect(kit!.specificationEn).toMatch(
      /^Kit KIT-THUIS, per kit: 1 × Zaptec Go 2 22 kW charger \(item ZAP-GO2-22\); .* · \d+ min labour$/,
    );
    // A line a person typed reads as typed, in either language.
    expect(free).toMatchObject({ description: 'Paal verplaatsen', descriptionEn: null, specificationEn: null });

    // The customer reads the names, not the technical details, in English as in Dutch.
    const customer = await requestLinkAndLogin(t, 'anna@example.nl');
    const theirs = (await customer.get(`/api/quotes/${id}`)).json().lines as Line[];
    expect(theirs[0]).toMatchObject({ descriptionEn: 'Standard charger installation', specificationEn: null });

    const inEnglish = pdfText((await ops.get(`/api/quotes/${id}/pdf?view=partner&lang=en`)).rawPayload).join('\n');
    expect(inEnglish).toContain('Standard charger installation');
    expect(inEnglish).toContain('180 min labour');
    expect(inEnglish).not.toContain('Standaardinstallatie laadpaal');
    const inDutch = pdfText((await ops.get(`/api/quotes/${id}/pdf?view=partner`)).rawPayload).join('\n');
    expect(inDutch).toContain('Standaardinstallatie laadpaal');

    await ops.post(`/api/quotes/${id}/send`, { lockVersion: quote.lockVersion });
    const partnerToken = await latestSigningToken(t, 'info@alfa.example.nl');
    const part = (await t.app.inject({ method: 'GET', url: `/api/sign/${partnerToken}` })).json();
    expect(part.lines.map((l: Line) => [l.description, l.descriptionEn])).toContainEqual([
      'Standaardinstallatie laadpaal',
      'Standard charger installation',
    ]);
    expect(part.installedItems).toContainEqual({
      description: 'Paal verplaatsen',
      descriptionEn: null,
      quantity: 1,
    });
    // Both PDFs carry the fingerprint of the part as signed, whatever language they are read in.
    const fingerprint = (text: string[]) => text.find((s) => s.includes(part.documentSha256));
    expect(fingerprint(pdfText((await ops.get(`/api/quotes/${id}/pdf?view=partner&lang=en`)).rawPayload))).toBeTruthy();

    const signAs = async (to: string, name: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/sign/${await latestSigningToken(t, to)}`,
          headers: signer,
          payload: { name, method: 'typed' },
        })
      ).json();
    expect((await signAs('anna@example.nl', 'Anna de Vries')).status).toBe('signed');
    const { orderId } = await signAs('info@alfa.example.nl', 'Paul Alfa');
    const order = (await ops.get(`/api/orders/${orderId}`)).json();
    expect(order.lines.map((l: Line) => l.descriptionEn)).toEqual([
      'Standard charger installation',
      'Zaptec Go 2 home charging kit',
      null,
    ]);

    // The invoice takes the English wording over from the order; its English PDF reads it.
    await completeOrderVisits(t, orderId);
    const issued = (await ops.post(`/api/orders/${orderId}/invoices`, {})).json() as { id: string }[];
    const invoices = await Promise.all(issued.map(async (i) => (await ops.get(`/api/invoices/${i.id}`)).json()));
    const lines = invoices.flatMap((i: { lines: Line[] }) => i.lines);
    expect(lines.map((l) => [l.description, l.descriptionEn])).toEqual(
      expect.arrayContaining([
        ['Standaardinstallatie laadpaal', 'Standard charger installation'],
        ['Paal verplaatsen', null],
      ]),
    );
    const withInstall = invoices.find((i: { lines: Line[] }) =>
      i.lines.some((l) => l.descriptionEn === 'Standard charger installation'),
    );
    const pdf = pdfText((await ops.get(`/api/invoices/${withInstall.id}/pdf?lang=en`)).rawPayload).join('\n');
    expect(pdf).toContain('Standard charger installation');
    expect(pdf).not.toContain('Standaardinstallatie laadpaal');
  });

  it("words the stock pages in the reader's language: a product and the reorder list", async () => {
    const english = { 'accept-language': 'en-GB,en;q=0.9' };
    const cable = cat.products.cable.id;
    expect((await ops.get(`/api/inventory/products/${cable}`, english)).json().product.name).toBe(
      'Installation cable 5x6 mm² per metre',
    );
    expect((await ops.get(`/api/inventory/products/${cable}`)).json().product.name).toBe(
      'Installatiekabel 5x6 mm² per meter',
    );
    const due = (await ops.get('/api/inventory/reorder-suggestions?due=true', english)).json();
    expect(due.find((s: { productId: string }) => s.productId === cable)?.name).toBe(
      'Installation cable 5x6 mm² per metre',
    );
  });
});
