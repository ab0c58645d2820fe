import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { completeOrderVisits } from '../../test/complete-order-visits.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { invoices } from './billing.schema.ts';
import { orderLines, orders } from '../orders/orders.schema.ts';
import { validateUbl } from './ubl-test-helpers.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import { requestLinkAndLogin } from '../../test/magic-login.ts';

let t: TestApp;
let ops: Awaited<ReturnType<TestApp['as']>>;
const year = new Date().getFullYear();

beforeAll(async () => {
  t = await createTestApp();
  await loadCatalogFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
  await completeOrderVisits(t, t.fixtures.o1.id);
});
afterAll(() => t.close());

describe('invoices split by payer', () => {
  let customerInvoice: { id: string; number: string; totalCents: number };
  let partnerInvoice: { id: string; number: string; totalCents: number };

  it('refuses an order that is not complete', async () => {
    const res = await ops.post(`/api/orders/${t.fixtures.o2.id}/invoices`, {});
    expect(res.json().code).toBe('order_not_complete');
  });

  it('gives the customer their lines and the partner its lines, numbered without gaps', async () => {
    const res = await ops.post(`/api/orders/${t.fixtures.o1.id}/invoices`, {});
    expect(res.statusCode).toBe(201);
    [customerInvoice, partnerInvoice] = res.json();
    expect(res.json().map((i: { number: string }) => i.number)).toEqual([`CC-${year}-00001`, `CC-${year}-00002`]);
    // 5 m extra cable: 35000 net + 21% VAT.
    expect(customerInvoice.totalCents).toBe(35000 + 7350);
    expect(partnerInvoice.totalCents).toBe(120000 + 25200);
    const detail = (await ops.get(`/api/invoices/${partnerInvoice.id}`)).json();
    expect(detail).toMatchObject({ payer: 'partner', payerName: 'Autohuis Alfa', status: 'issued' });
    expect(detail.lines).toHaveLength(2);
    const again = await ops.post(`/api/orders/${t.fixtures.o1.id}/invoices`, {});
    expect(again.json().code).toBe('order_already_invoiced');
  });

  it('exports UBL 2.1 that the official schema accepts, for an invoice and a credit note', async () => {
    const ubl = await ops.get(`/api/invoices/${customerInvoice.id}/ubl`);
    expect(ubl.headers['content-type']).toContain('application/xml');
    expect(ubl.body).toContain('urn:fdc:peppol.eu:2017:poacc:billing:3.0');
    expect(ubl.body).toContain(`<cbc:ID>CC-${year}-00001</cbc:ID>`);
    expect(() => validateUbl(ubl.body, 'Invoice')).not.toThrow();
    const partnerXml = (await ops.get(`/api/invoices/${partnerInvoice.id}/ubl`)).body;
    expect(() => validateUbl(partnerXml, 'Invoice')).not.toThrow();
    const pdf = await ops.get(`/api/invoices/${customerInvoice.id}/pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The invoice in the language its reader chose: the app's Accept-Language, or the link's lang (issue 16).
    const words = (res: { rawPayload: Buffer }) => pdfText(res.rawPayload).join(' ');
    expect(words(pdf)).toContain(`Factuur CC-${year}-00001`);
    // (The euro sign is outside the text the helper decodes: the amounts are read by their separators.)
    expect(words(pdf)).toMatch(/Totaal incl\. btw \W{1,3}423,50 /);
    const english = await ops.get(`/api/invoices/${customerInvoice.id}/pdf`, { 'accept-language': 'en' });
    expect(words(english)).toContain(`Invoice CC-${year}-00001`);
    expect(words(english)).toMatch(/Total incl\. VAT \W{1,3}423\.50 /);
    expect(words(english)).toMatch(/Please pay before \d{1,2} [A-Z][a-z]+ \d{4} to /);
    expect(words(english)).not.toContain('Graag betalen');
    const customer = await requestLinkAndLogin(t, 'anna@example.nl');
    expect(words(await customer.get(`/api/invoices/${customerInvoice.id}/pdf?lang=en`))).toContain('Invoice date');
  });

  it('records partial payments, refuses too much, and detects overdue', async () => {
    const part = await ops.post(`/api/invoices/${customerInvoice.id}/payments`, {
      amountCents: 20000,
      paidAt: new Date().toISOString(),
      method: 'ideal',
    });
    expect(part.json()).toMatchObject({ status: 'partially_paid', openCents: customerInvoice.totalCents - 20000 });
    const tooMuch = await ops.post(`/api/invoices/${customerInvoice.id}/payments`, {
      amountCents: customerInvoice.totalCents,
      paidAt: new Date().toISOString(),
      method: 'ideal',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'payment_exceeds_open_amount', errors: [{ field: 'amountCents' }] });
    const negative = await ops.post(`/api/invoices/${customerInvoice.id}/payments`, {
      amountCents: -5,
      paidAt: new Date().toISOString(),
      method: 'ideal',
    });
    expect(negative.statusCode).toBe(400);
    expect((await ops.get(`/api/invoices/${customerInvoice.id}`)).json().paidCents).toBe(20000);

    await t.database.db.update(invoices).set({ dueDate: '2020-01-01' }).where(eq(invoices.id, partnerInvoice.id));
    expect(await t.built.dailyJobs()).toMatchObject({ overdue: 1 });
    expect((await ops.get(`/api/invoices/${partnerInvoice.id}`)).json().status).toBe('overdue');
    const rest = await ops.post(`/api/invoices/${customerInvoice.id}/payments`, {
      amountCents: customerInvoice.totalCents - 20000,
      paidAt: new Date().toISOString(),
      method: 'bank_transfer',
    });
    expect(rest.json().status).toBe('paid');
  });

  it('credits an invoice with a credit note in the same series, once', async () => {
    const res = await ops.post(`/api/invoices/${partnerInvoice.id}/credit-note`, { reason: 'Dubbel gefactureerd' });
    expect(res.statusCode).toBe(201);
    expect(res.json().number).toBe(`CC-${year}-00003`);
    const xml = (await ops.get(`/api/invoices/${res.json().id}/ubl`)).body;
    expect(xml).toContain(`<cac:InvoiceDocumentReference><cbc:ID>CC-${year}-00002</cbc:ID>`);
    expect(() => validateUbl(xml, 'CreditNote')).not.toThrow();
    // The credit note in its reader's language, with the date and the amounts written as that reader writes them (issue 16).
    const issued = new Date(`${todayInAmsterdam()}T12:00:00Z`);
    const dutch = pdfText((await ops.get(`/api/invoices/${res.json().id}/pdf`)).rawPayload).join(' ');
    const english = pdfText((await ops.get(`/api/invoices/${res.json().id}/pdf?lang=en`)).rawPayload).join(' ');
    expect(dutch).toContain(`Creditnota CC-${year}-00003`);
    expect(dutch).toContain(
      `Crediteert factuur CC-${year}-00002 van ${issued.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })}: Dubbel gefactureerd`,
    );
    expect(dutch).toContain('Totaal incl. btw');
    expect(english).toContain(`Credit note CC-${year}-00003`);
    expect(english).toContain(
      `Credits invoice CC-${year}-00002 of ${issued.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}: Dubbel gefactureerd`,
    );
    expect(english).toContain('Total incl. VAT');
    expect(english).not.toContain('Totaal incl. btw');
    expect((await ops.get(`/api/invoices/${partnerInvoice.id}`)).json().status).toBe('cancelled');
    expect((await ops.post(`/api/invoices/${partnerInvoice.id}/credit-note`, { reason: 'Nog eens' })).json().code).toBe(
      'invoice_not_creditable',
    );
  });

  it('shows each payer only their own invoices', async () => {
    const anna = await t.as('partner-a@alfa.example.nl');
    const bea = await t.as('partner-b@bravo.example.nl');
    expect((await anna.get('/api/invoices')).json().items.every((i: { payer: string }) => i.payer === 'partner')).toBe(
      true,
    );
    expect((await anna.get(`/api/invoices/${customerInvoice.id}`)).statusCode).toBe(404);
    expect((await bea.get(`/api/invoices/${partnerInvoice.id}`)).statusCode).toBe(404);
    expect((await bea.get(`/api/invoices/${partnerInvoice.id}/ubl`)).statusCode).toBe(404);
    expect((await bea.get('/api/invoices')).json().total).toBe(0);
    expect(
      (
        await anna.post(`/api/invoices/${partnerInvoice.id}/payments`, {
          amountCents: 1,
          paidAt: new Date().toISOString(),
          method: 'ideal',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('commissions and the P&L', () => {
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 7);

  it("states a partner's commission per month, and only to that partner", async () => {
    const res = await ops.get(`/api/partners/${t.fixtures.partnerA.id}/commission-statements/${month}`);
    expect(res.statusCode).toBe(200);
    // 5% of order ORD-…-000001 (1550,00 excl. VAT).
    expect(res.json()).toMatchObject({
      totalCents: 7750,
      sections: [{ entityId: 'chargecars', commissionType: 'percentage', basisPoints: 500 }],
    });
    const own = await (await t.as('partner-a@alfa.example.nl')).get(
      `/api/partners/${t.fixtures.partnerA.id}/commission-statements/${month}`,
    );
    expect(own.statusCode).toBe(200);
    const other = await (await t.as('partner-b@bravo.example.nl')).get(
      `/api/partners/${t.fixtures.partnerA.id}/commission-statements/${month}`,
    );
    expect(other.statusCode).toBe(404);
    expect((await ops.get(`/api/partners/${t.fixtures.partnerA.id}/commission-statements/2026-13`)).statusCode).toBe(
      400,
    );
  });

  it('reports revenue, costs and commissions of an entity for a period', async () => {
    const res = await ops.get(`/api/finance/profit-and-loss?entityId=chargecars&from=${year}-01-01&to=${year}-12-31`);
    expect(res.statusCode).toBe(200);
    // Invoiced 35000 + 120000, credited 120000.
    expect(res.json()).toMatchObject({ revenueCents: 35000, creditedCents: 120000, commissionsCents: 7750 });
    expect(res.json().resultCents).toBe(res.json().grossMarginCents - 7750);
    expect(
      (
        await (
          await t.as('partner-a@alfa.example.nl')
        ).get(`/api/finance/profit-and-loss?entityId=chargecars&from=${year}-01-01&to=${year}-12-31`)
      ).statusCode,
    ).toBe(403);
  });
});

// Last: its order would change the month's commission and P&L figures above.
describe('monthly partner invoice', () => {
  it("bundles a month's uninvoiced partner lines of the agreement into one invoice, once", async () => {
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 7);
    const [order] = await t.database.db
      .insert(orders)
      .values({
        number: 'ORD-2026-900001',
        entityId: 'chargecars',
        customerId: t.fixtures.c1.id,
        partnerId: t.fixtures.partnerA.id,
        stage: 'completed',
        progress: 85,
        customerTotalCents: 0,
        partnerTotalCents: 50000,
        totalCents: 50000,
        completedAt: new Date(),
      })
      .returning();
    await t.database.db.insert(orderLines).values([
      {
        orderId: order!.id,
        position: 1,
        description: 'Zaptec Go 2',
        quantity: 1,
        unitPriceCents: 40000,
        vatRate: 21,
        vatCategory: 'standard',
        billTo: 'partner',
        totalCents: 40000,
      },
      {
        orderId: order!.id,
        position: 2,
        description: 'Monteur per uur',
        quantity: 2,
        unitPriceCents: 5000,
        vatRate: 21,
        vatCategory: 'standard',
        billTo: 'partner',
        totalCents: 10000,
      },
    ]);
    const res = await ops.post(`/api/partners/${t.fixtures.partnerA.id}/monthly-invoice`, {
      entityId: 'chargecars',
      month,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ payer: 'partner', totalCents: 50000 + 10500 });
    const detail = (await ops.get(`/api/invoices/${res.json().id}`)).json();
    expect(detail).toMatchObject({ periodMonth: month, orderId: null });
    expect(detail.lines.map((l: { description: string }) => l.description)).toEqual([
      'ORD-2026-900001: Zaptec Go 2',
      'ORD-2026-900001: Monteur per uur',
    ]);
    expect(
      (
        await ops.post(`/api/partners/${t.fixtures.partnerA.id}/monthly-invoice`, { entityId: 'chargecars', month })
      ).json().code,
    ).toBe('nothing_to_invoice');
    expect((await ops.post(`/api/orders/${order!.id}/invoices`, { payer: 'partner' })).json().code).toBe(
      'order_already_invoiced',
    );
    expect(
      (
        await ops.post(`/api/partners/${t.fixtures.partnerA.id}/monthly-invoice`, {
          entityId: 'chargecars',
          month: '2026-13',
        })
      ).statusCode,
    ).toBe(400);
  });
});
