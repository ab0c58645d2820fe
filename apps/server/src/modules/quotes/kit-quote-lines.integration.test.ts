import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { completeOrderVisits } from '../../test/complete-order-visits.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { requestLinkAndLogin } from '../../test/magic-login.ts';
import { quotes, quoteVersions } from './quotes.schema.ts';
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

const create = (lines: unknown[], entityId = 'chargecars') =>
  ops.post('/api/quotes', { entityId, customerId: t.fixtures.c1.id, partnerId: t.fixtures.partnerA.id, lines });
const rows = async () => ({
  quotes: (await t.database.db.select({ n: count() }).from(quotes))[0]!.n,
  versions: (await t.database.db.select({ n: count() }).from(quoteVersions))[0]!.n,
});
type Line = {
  description: string;
  kitId: string | null;
  specification: string | null;
  billTo: string;
  unitPriceCents: number;
  totalCents: number;
};

describe('installation kits on quotes', () => {
  let quoteId: string;

  it('prices a kit line from the entity price and bills it by the agreement, like a product', async () => {
    const res = await create([
      { kitId: cat.kits.home.id, quantity: 2 },
      { kitId: cat.kits.cabinet.id, quantity: 1 },
    ]);
    expect(res.statusCode).toBe(201);
    quoteId = res.json().id;
    const q = (await ops.get(`/api/quotes/${quoteId}`)).json();
    const [home, cabinet] = q.lines as Line[];
    // Partner A pays chargers by agreement: the home kit is billed as one.
    expect(home).toMatchObject({
      kitId: cat.kits.home.id,
      description: 'Thuislaadpakket Zaptec Go 2',
      quantity: 2,
      unitPriceCents: 129900,
      totalCents: 259800,
      billTo: 'partner',
      vatCategory: 'standard',
      billingRule: 'agreement:charging_station',
    });
    expect(cabinet).toMatchObject({
      kitId: cat.kits.cabinet.id,
      unitPriceCents: 42000,
      billTo: 'customer',
      billingRule: 'not_in_agreement:meter_cabinet',
    });
    expect(home!.specification).toBe(
      'Pakket KIT-THUIS, per pakket: 1 × Zaptec Go 2 22 kW (art. ZAP-GO2-22); 10 × Installatiekabel 5x6 mm² per meter (art. CC-IK-5X6); 1 × Standaardinstallatie laadpaal (art. SRV-INST-STD) · 360 min arbeid',
    );
    // Labour of the components gives the visits: 2 × 180 min installation, 90 + 2 × 60 min at the meter cabinet.
    expect(q.visits).toEqual([
      { sequence: 1, type: 'installation', durationMinutes: 360 },
      { sequence: 2, type: 'meter_replacement', durationMinutes: 210 },
    ]);
    expect(q).toMatchObject({ partnerTotalCents: 259800, customerTotalCents: 42000 });
  });

  it('shows the partner the components and the customer the kit name only', async () => {
    const partner = (await (await t.as('partner-a@alfa.example.nl')).get(`/api/quotes/${quoteId}`)).json();
    expect(partner.lines.map((l: Line) => l.specification)).toEqual([
      expect.stringContaining('1 × Zaptec Go 2 22 kW'),
      expect.stringContaining('1 × Meterkast uitbreiding extra groep'),
    ]);
    const customer = (await (await requestLinkAndLogin(t, 'anna@example.nl')).get(`/api/quotes/${quoteId}`)).json();
    // The customer sees the whole work: the partner's kit by its name, without its components or price.
    expect(customer.lines).toEqual([
      expect.objectContaining({
        description: 'Thuislaadpakket Zaptec Go 2',
        billTo: 'partner',
        specification: null,
        unitPriceCents: 0,
        totalCents: 0,
      }),
      expect.objectContaining({
        description: 'Meterkast klaar voor laden',
        specification: null,
        unitPriceCents: 42000,
      }),
    ]);

    await ops.post(`/api/quotes/${quoteId}/send`, {
      lockVersion: (await ops.get(`/api/quotes/${quoteId}`)).json().lockVersion,
    });
    const customerPart = (
      await t.app.inject({ method: 'GET', url: `/api/sign/${await latestSigningToken(t, 'anna@example.nl')}` })
    ).json();
    expect(customerPart.lines).toEqual([
      expect.objectContaining({ description: 'Meterkast klaar voor laden', specification: null }),
    ]);
    const partnerPart = (
      await t.app.inject({ method: 'GET', url: `/api/sign/${await latestSigningToken(t, 'info@alfa.example.nl')}` })
    ).json();
    expect(partnerPart.lines[0].specification).toContain('Pakket KIT-THUIS, per pakket: 1 × Zaptec Go 2 22 kW');
    const pdf = await ops.get(`/api/quotes/${quoteId}/pdf?view=partner`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses an unknown kit, a kit without a price here, or a line that is both product and kit; nothing changes', async () => {
    const before = await rows();
    const unknown = await create([{ kitId: '00000000-0000-4000-8000-000000000000', quantity: 1 }]);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'invalid_quote_lines',
      errors: [{ field: 'lines.0.kitId', message: 'pakket bestaat niet' }],
    });
    const notSoldHere = await ops.post('/api/quotes', {
      entityId: 'laderthuis',
      customerId: t.fixtures.c2.id,
      lines: [{ kitId: cat.kits.home.id, quantity: 1 }],
    });
    expect(notSoldHere.json().errors).toEqual([
      { field: 'lines.0.kitId', message: expect.stringContaining('geen prijs') },
    ]);
    const both = await create([{ productId: cat.products.charger.id, kitId: cat.kits.home.id, quantity: 1 }]);
    expect(both.json().errors).toEqual([{ field: 'lines.0.kitId', message: expect.stringContaining('niet allebei') }]);
    expect((await create([{ kitId: 'geen-uuid', quantity: 1 }])).statusCode).toBe(400);
    expect(await rows()).toEqual(before);
  });

  it("keeps a kit line and its allocation across versions, and the order carries the kit at its components' cost", async () => {
    const q = (await ops.get(`/api/quotes/${quoteId}`)).json();
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/quotes/${quoteId}`,
      headers: { cookie: `cc_session=${ops.cookie}`, 'x-csrf-token': ops.csrf },
      payload: {
        lockVersion: q.lockVersion,
        lines: [
          { kitId: cat.kits.home.id, quantity: 1 },
          { kitId: cat.kits.cabinet.id, quantity: 1 },
        ],
        changeNote: 'Eén laadpunt',
      },
    });
    expect(put.statusCode).toBe(200);
    const diff = (await ops.get(`/api/quotes/${quoteId}/versions/1/diff/2`)).json();
    expect(diff).toMatchObject({
      added: [],
      removed: [],
      changed: [{ description: 'Thuislaadpakket Zaptec Go 2', fields: ['quantity', 'totalCents'] }],
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/sign/${await latestSigningToken(t, 'anna@example.nl')}`,
      headers: signer,
      payload: { name: 'Anna de Vries', method: 'typed' },
    });
    const signed = (
      await t.app.inject({
        method: 'POST',
        url: `/api/sign/${await latestSigningToken(t, 'info@alfa.example.nl')}`,
        headers: signer,
        payload: { name: 'Paul Alfa', method: 'typed' },
      })
    ).json();
    const order = (await ops.get(`/api/orders/${signed.orderId}`)).json();
    expect(order.lines.map((l: { description: string; billTo: string }) => [l.description, l.billTo])).toEqual([
      ['Thuislaadpakket Zaptec Go 2', 'partner'],
      ['Meterkast klaar voor laden', 'customer'],
    ]);
    await completeOrderVisits(t, order.id);
    expect((await ops.get(`/api/orders/${order.id}`)).json().stage).toBe('completed');
    const year = new Date().getFullYear();
    const pl = (
      await ops.get(`/api/finance/profit-and-loss?entityId=chargecars&from=${year}-01-01&to=${year}-12-31`)
    ).json();
    // Components at cost: charger 620,00 + 10 m cable 45,00 + cabinet 90,00; labour: installation 150,00 + 2 hours 90,00.
    expect(pl).toMatchObject({ materialsCents: 62000 + 4500 + 9000, labourCents: 15000 + 9000 });
  });
});
