import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadContractorFixtures } from '../../test/contractor-fixtures.ts';
import { invoiceNumberSequences, invoices } from './billing.schema.ts';
import { orderLines, orders } from '../orders/orders.schema.ts';
import { validateUbl } from './ubl-test-helpers.ts';

let t: TestApp;
let contractors: Awaited<ReturnType<typeof loadContractorFixtures>>;
let ops: Awaited<ReturnType<TestApp['as']>>;

beforeAll(async () => {
  t = await createTestApp();
  contractors = await loadContractorFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t.close());

let orderNumber = 0;
/** A completed order of the partner: its lines as the quote left them (21%, or reverse charge). */
async function completedOrder(
  partnerId: string,
  lines: { description: string; cents: number; billTo: 'customer' | 'partner'; reverse?: boolean }[],
) {
  const partnerTotal = lines.filter((l) => l.billTo === 'partner').reduce((a, l) => a + l.cents, 0);
  const customerTotal = lines.filter((l) => l.billTo === 'customer').reduce((a, l) => a + l.cents, 0);
  const [order] = await t.database.db
    .insert(orders)
    .values({
      number: `ORD-2026-7${String(++orderNumber).padStart(5, '0')}`,
      entityId: 'chargecars',
      customerId: contractors.customer.id,
      partnerId,
      stage: 'completed',
      progress: 85,
      customerTotalCents: customerTotal,
      partnerTotalCents: partnerTotal,
      totalCents: customerTotal + partnerTotal,
      completedAt: new Date(),
    })
    .returning();
  await t.database.db.insert(orderLines).values(
    lines.map((l, i) => ({
      orderId: order!.id,
      position: i + 1,
      description: l.description,
      quantity: 1,
      unitPriceCents: l.cents,
      billTo: l.billTo,
      totalCents: l.cents,
      ...(l.reverse
        ? { vatRate: 0, vatCategory: 'reverse_charge' as const }
        : { vatRate: 21, vatCategory: 'standard' as const }),
    })),
  );
  return order!;
}

describe('reverse charge on invoices', () => {
  let partnerInvoiceId: string;
  let refusedOrderId: string;

  it("bills an installation company with a VAT number without VAT, 'Btw verlegd', and the consumer with VAT", async () => {
    // The charger line was sold before Charlie gave its VAT number (21% on the order): the invoice shifts it too.
    const order = await completedOrder(contractors.charlie.id, [
      { description: 'Zaptec Go 2', cents: 89900, billTo: 'partner' },
      { description: 'Standaardinstallatie', cents: 34900, billTo: 'partner', reverse: true },
      { description: 'Meterkast uitbreiding', cents: 29500, billTo: 'customer' },
    ]);
    const res = await ops.post(`/api/orders/${order.id}/invoices`, {});
    expect(res.statusCode).toBe(201);
    const [customer, partner] = res.json() as { id: string; payer: string; totalCents: number }[];
    partnerInvoiceId = partner!.id;
    const partnerDetail = (await ops.get(`/api/invoices/${partner!.id}`)).json();
    expect(partnerDetail).toMatchObject({
      payer: 'partner',
      reverseCharge: true,
      buyerVatNumber: 'NL123456789B01',
      subtotalCents: 124800,
      vatCents: 0,
      totalCents: 124800,
    });
    expect(
      partnerDetail.lines.map((l: { vatCategory: string; vatRate: number; vatCents: number }) => [
        l.vatCategory,
        l.vatRate,
        l.vatCents,
      ]),
    ).toEqual([
      ['reverse_charge', 0, 0],
      ['reverse_charge', 0, 0],
    ]);
    const customerDetail = (await ops.get(`/api/invoices/${customer!.id}`)).json();
    expect(customerDetail).toMatchObject({
      payer: 'customer',
      reverseCharge: false,
      buyerVatNumber: null,
      subtotalCents: 29500,
      vatCents: 6195,
      totalCents: 35695,
    });
    expect(customerDetail.lines[0]).toMatchObject({ vatCategory: 'standard', vatRate: 21, vatCents: 6195 });
    // Totals add up: every invoice is its lines, to the cent.
    for (const d of [partnerDetail, customerDetail]) {
      expect(d.subtotalCents).toBe(d.lines.reduce((a: number, l: { totalCents: number }) => a + l.totalCents, 0));
      expect(d.vatCents).toBe(d.lines.reduce((a: number, l: { vatCents: number }) => a + l.vatCents, 0));
      expect(d.totalCents).toBe(d.subtotalCents + d.vatCents);
    }
  });

  it("states AE, the exemption reason and the buyer's VAT number in UBL that the official schema accepts", async () => {
    const xml = (await ops.get(`/api/invoices/${partnerInvoiceId}/ubl`)).body;
    expect(xml).toContain(
      '<cac:AccountingCustomerParty><cac:Party><cbc:EndpointID schemeID="0106">20000003</cbc:EndpointID>',
    );
    expect(xml).toContain(
      '<cac:PartyTaxScheme><cbc:CompanyID>NL123456789B01</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>',
    );
    expect(xml).toContain(
      '<cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">1248.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount><cac:TaxCategory><cbc:ID>AE</cbc:ID><cbc:Percent>0.00</cbc:Percent><cbc:TaxExemptionReasonCode>VATEX-EU-AE</cbc:TaxExemptionReasonCode><cbc:TaxExemptionReason>Btw verlegd</cbc:TaxExemptionReason>',
    );
    expect(xml).toContain('<cac:ClassifiedTaxCategory><cbc:ID>AE</cbc:ID><cbc:Percent>0.00</cbc:Percent>');
    expect(xml).not.toContain('<cbc:ID>S</cbc:ID>');
    expect(() => validateUbl(xml, 'Invoice')).not.toThrow();
    const pdf = await ops.get(`/api/invoices/${partnerInvoiceId}/pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows it to the partner in its portal, and a credit note mirrors it', async () => {
    const charlie = await t.as('partner-c@charlie.example.nl');
    const mine = (await charlie.get('/api/invoices')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({
        id: partnerInvoiceId,
        reverseCharge: true,
        buyerVatNumber: 'NL123456789B01',
        vatCents: 0,
      }),
    ]);
    // Even after the partner's number is removed, the issued invoice and its credit note keep it.
    await ops.patch(`/api/partners/${contractors.charlie.id}`, { vatNumber: null });
    const note = await ops.post(`/api/invoices/${partnerInvoiceId}/credit-note`, { reason: 'Verkeerde order' });
    expect(note.statusCode).toBe(201);
    expect((await ops.get(`/api/invoices/${note.json().id}`)).json()).toMatchObject({
      kind: 'credit_note',
      reverseCharge: true,
      buyerVatNumber: 'NL123456789B01',
      vatCents: 0,
    });
    const xml = (await ops.get(`/api/invoices/${note.json().id}/ubl`)).body;
    expect(xml).toContain('<cbc:TaxExemptionReasonCode>VATEX-EU-AE</cbc:TaxExemptionReasonCode>');
    expect(() => validateUbl(xml, 'CreditNote')).not.toThrow();
    await ops.patch(`/api/partners/${contractors.charlie.id}`, { vatNumber: 'NL123456789B01' });
  });

  it('refuses reverse charge for a partner without a VAT number: 422, and no invoice or number is used', async () => {
    const order = await completedOrder(contractors.delta.id, [
      { description: 'Zaptec Go 2', cents: 89900, billTo: 'partner', reverse: true },
      { description: 'Meterkast uitbreiding', cents: 29500, billTo: 'customer' },
    ]);
    refusedOrderId = order.id;
    const before = {
      invoices: (await t.database.db.select({ n: count() }).from(invoices))[0]!.n,
      sequences: await t.database.db.select().from(invoiceNumberSequences),
    };
    const res = await ops.post(`/api/orders/${order.id}/invoices`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'reverse_charge_not_allowed', errors: [{ field: 'vatNumber' }] });
    expect((await t.database.db.select({ n: count() }).from(invoices))[0]!.n).toBe(before.invoices);
    expect(await t.database.db.select().from(invoiceNumberSequences)).toEqual(before.sequences);
    expect(
      (await t.database.db.select().from(orderLines).where(eq(orderLines.orderId, order.id))).every(
        (l) => l.invoicedAt === null,
      ),
    ).toBe(true);
  });

  it("bundles a contractor's month on one reverse-charge invoice; a partner without a VAT number is billed with VAT", async () => {
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 7);
    await completedOrder(contractors.charlie.id, [{ description: 'Easee One', cents: 74300, billTo: 'partner' }]);
    const charlie = await ops.post(`/api/partners/${contractors.charlie.id}/monthly-invoice`, {
      entityId: 'chargecars',
      month,
    });
    expect(charlie.json()).toMatchObject({ payer: 'partner', totalCents: 74300 });
    expect((await ops.get(`/api/invoices/${charlie.json().id}`)).json()).toMatchObject({
      reverseCharge: true,
      vatCents: 0,
    });
    await completedOrder(contractors.delta.id, [{ description: 'Easee One', cents: 74300, billTo: 'partner' }]);
    // The refused order above waits for a VAT number; take it out of this month.
    await t.database.db
      .update(orders)
      .set({ stage: 'on_hold', stageReason: 'Wacht op btw-nummer' })
      .where(eq(orders.id, refusedOrderId));
    const delta = await ops.post(`/api/partners/${contractors.delta.id}/monthly-invoice`, {
      entityId: 'chargecars',
      month,
    });
    expect(delta.json()).toMatchObject({ totalCents: 74300 + 15603 });
    expect((await ops.get(`/api/invoices/${delta.json().id}`)).json()).toMatchObject({
      reverseCharge: false,
      buyerVatNumber: null,
    });
  });
});
