import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { invoiceNumberSequences, invoices, payments } from './billing.schema.ts';
import { orders } from '../orders/orders.schema.ts';
import { partnerAgreements } from '../partners/partners.schema.ts';

// Bad input on billing: each refusal names its reason in the caller's language and changes nothing.
let t: TestApp;
let ops: Awaited<ReturnType<TestApp['as']>>;
let customerInvoice: { id: string; number: string; totalCents: number };
let partnerInvoice: { id: string; number: string; totalCents: number };
const EN = { 'accept-language': 'en-GB,en;q=0.9' };
const paidAt = () => new Date().toISOString();

/** What billing has written: invoices, payments, the numbers taken. */
async function billingState() {
  const db = t.database.db;
  const [counts] = await db
    .select({
      invoices: sql<number>`(select count(*)::int from ${invoices})`,
      payments: sql<number>`(select count(*)::int from ${payments})`,
      numbers: sql<number>`(select coalesce(sum(${invoiceNumberSequences.lastNumber}), 0)::int from ${invoiceNumberSequences})`,
    })
    .from(sql`(select 1) one`);
  const rows = await db
    .select({ id: invoices.id, status: invoices.status, paid: invoices.paidCents, credited: invoices.creditedCents })
    .from(invoices)
    .orderBy(invoices.number);
  return { counts, rows };
}

beforeAll(async () => {
  t = await createTestApp();
  await loadCatalogFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
  // Completed as the order stages would leave it; how it gets there is the orders module's business.
  await t.database.db
    .update(orders)
    .set({ stage: 'completed', completedAt: new Date() })
    .where(eq(orders.id, t.fixtures.o1.id));
  const issued = await ops.post(`/api/orders/${t.fixtures.o1.id}/invoices`, {});
  expect(issued.statusCode, issued.body).toBe(201);
  [customerInvoice, partnerInvoice] = issued.json();
});
afterAll(() => t.close());

describe('invoicing an order that is not completed', () => {
  it('is refused with the stage by its name, in Dutch or English, and nothing is issued', async () => {
    const before = await billingState();
    const early = await ops.post(`/api/orders/${t.fixtures.o2.id}/invoices`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'order_not_complete',
      detail: 'Een order in fase "Nieuw" kan nog niet worden gefactureerd; dat kan zodra hij is uitgevoerd',
    });
    const english = await ops.post(`/api/orders/${t.fixtures.o2.id}/invoices`, {}, EN);
    expect(english.json().detail).toBe('An order in stage "New" cannot be invoiced yet; it can once it is completed');
    expect(await billingState()).toEqual(before);
  });
});

describe('invoicing an order twice', () => {
  it('is refused, naming the invoices that hold the order, in Dutch or English', async () => {
    const before = await billingState();
    const again = await ops.post(`/api/orders/${t.fixtures.o1.id}/invoices`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'order_already_invoiced' });
    expect(again.json().detail).toContain('al gefactureerd');
    expect(again.json().detail).toContain(customerInvoice.number);
    expect(again.json().detail).toContain(partnerInvoice.number);
    const english = await ops.post(`/api/orders/${t.fixtures.o1.id}/invoices`, {}, EN);
    expect(english.statusCode).toBe(409);
    expect(english.json().detail).toMatch(/^This order has already been invoiced \(/);
    expect(await billingState()).toEqual(before);
  });
});

describe('a payment larger than what is open', () => {
  it('is refused with the open amount in the caller language, and books nothing', async () => {
    const before = await billingState();
    const tooMuch = await ops.post(`/api/invoices/${customerInvoice.id}/payments`, {
      amountCents: customerInvoice.totalCents + 1,
      paidAt: paidAt(),
      method: 'ideal',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({
      code: 'payment_exceeds_open_amount',
      errors: [{ field: 'amountCents', message: 'hoger dan het openstaande bedrag' }],
    });
    // 42350 cents open, as a person reads it.
    expect(tooMuch.json().detail).toContain('€ 423,50');
    const english = await ops.post(
      `/api/invoices/${customerInvoice.id}/payments`,
      { amountCents: customerInvoice.totalCents + 1, paidAt: paidAt(), method: 'ideal' },
      EN,
    );
    expect(english.json()).toMatchObject({
      detail: 'The amount is more than what is still open (€423.50)',
      errors: [{ field: 'amountCents', message: 'more than the open amount' }],
    });
    expect(await billingState()).toEqual(before);
  });
});

describe('credit notes per line and for more than the invoice', () => {
  it('credits part of a line, then refuses more than the line still holds, changing nothing', async () => {
    // The customer's invoice: 5 × € 70,00 extra cable. Two metres go back.
    const part = await ops.post(`/api/invoices/${customerInvoice.id}/credit-note`, {
      reason: 'Twee meter minder gelegd',
      lines: [{ position: 1, quantity: 2 }],
    });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().totalCents).toBe(14000 + 2940);
    const detail = (await ops.get(`/api/invoices/${customerInvoice.id}`)).json();
    expect(detail).toMatchObject({
      status: 'issued',
      creditedCents: 16940,
      openCents: customerInvoice.totalCents - 16940,
      lines: [{ position: 1, quantity: 5, creditableQuantity: 3 }],
      creditNotes: [{ id: part.json().id, reason: 'Twee meter minder gelegd', totalCents: 16940 }],
    });

    const before = await billingState();
    const tooMuch = await ops.post(`/api/invoices/${customerInvoice.id}/credit-note`, {
      reason: 'Nog vier meter',
      lines: [{ position: 1, quantity: 4 }],
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({
      code: 'credit_exceeds_invoice',
      detail: 'Regel 1 kan nog voor ten hoogste 3 stuks worden gecrediteerd',
    });
    const english = await ops.post(
      `/api/invoices/${customerInvoice.id}/credit-note`,
      { reason: 'Four more metres', lines: [{ position: 1, quantity: 4 }] },
      EN,
    );
    expect(english.json().detail).toBe('Line 1 can be credited for at most 3 more');
    const noSuchLine = await ops.post(`/api/invoices/${customerInvoice.id}/credit-note`, {
      reason: 'Regel bestaat niet',
      lines: [{ position: 9, quantity: 1 }],
    });
    expect(noSuchLine.json()).toMatchObject({ code: 'unknown_invoice_line' });
    const twice = await ops.post(`/api/invoices/${customerInvoice.id}/credit-note`, {
      reason: 'Dezelfde regel tweemaal',
      lines: [
        { position: 1, quantity: 2 },
        { position: 1, quantity: 2 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(await billingState()).toEqual(before);
  });

  it('counts credited money as no longer open: a payment of more than the rest is refused, the rest settles it', async () => {
    const open = customerInvoice.totalCents - 16940;
    const tooMuch = await ops.post(`/api/invoices/${customerInvoice.id}/payments`, {
      amountCents: open + 1,
      paidAt: paidAt(),
      method: 'bank_transfer',
    });
    expect(tooMuch.statusCode).toBe(422);
    const rest = await ops.post(`/api/invoices/${customerInvoice.id}/payments`, {
      amountCents: open,
      paidAt: paidAt(),
      method: 'bank_transfer',
    });
    expect(rest.json()).toMatchObject({ status: 'paid', openCents: 0 });
  });

  it('credits the rest of an invoice in full once, then refuses another credit note in either language', async () => {
    const full = await ops.post(`/api/invoices/${partnerInvoice.id}/credit-note`, { reason: 'Dubbel gefactureerd' });
    expect(full.statusCode).toBe(201);
    expect(full.json().totalCents).toBe(partnerInvoice.totalCents);
    expect((await ops.get(`/api/invoices/${partnerInvoice.id}`)).json()).toMatchObject({
      status: 'cancelled',
      creditedCents: partnerInvoice.totalCents,
      openCents: 0,
    });
    const before = await billingState();
    const again = await ops.post(`/api/invoices/${partnerInvoice.id}/credit-note`, { reason: 'Nog eens' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invoice_not_creditable');
    const english = await ops.post(`/api/invoices/${partnerInvoice.id}/credit-note`, { reason: 'Once more' }, EN);
    expect(english.json().detail).toMatch(/^This invoice has already been credited in full/);
    expect(await billingState()).toEqual(before);
  });
});

describe('the invoice list for ops', () => {
  it('searches by number and name and filters by payer, kind, order and overdue', async () => {
    const ids = async (query: string) =>
      ((await ops.get(`/api/invoices?${query}`)).json().items as { id: string }[]).map((i) => i.id);
    expect(await ids(`q=${customerInvoice.number}`)).toEqual([customerInvoice.id]);
    expect(await ids('q=alfa&kind=invoice')).toEqual([partnerInvoice.id]);
    expect(await ids(`payer=customer&kind=invoice&orderId=${t.fixtures.o1.id}`)).toEqual([customerInvoice.id]);
    expect(await ids('overdue=true')).toEqual([]);
    const list = (await ops.get(`/api/invoices?q=${customerInvoice.number}`)).json();
    expect(list.items[0]).toMatchObject({
      orderNumber: 'ORD-2026-000001',
      customerId: t.fixtures.c1.id,
      partnerId: null,
    });
    expect((await ops.get('/api/invoices?overdue=maybe')).statusCode).toBe(400);
  });
});

describe('commission statements say why a partner earns nothing', () => {
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 7);
  const reasonOf = async (partnerId: string, m = month) =>
    (await ops.get(`/api/partners/${partnerId}/commission-statements/${m}`)).json().noCommissionReason;

  it('gives no reason when there is commission, and names the missing orders, percentage or agreement', async () => {
    expect(await reasonOf(t.fixtures.partnerA.id)).toBeNull();
    expect(await reasonOf(t.fixtures.partnerA.id, '2020-01')).toBe('no_orders_in_month');
    await t.database.db
      .update(partnerAgreements)
      .set({ commissionBasisPoints: 0 })
      .where(eq(partnerAgreements.partnerId, t.fixtures.partnerA.id));
    expect(await reasonOf(t.fixtures.partnerA.id)).toBe('no_commission_agreed');
    await t.database.db.delete(partnerAgreements).where(eq(partnerAgreements.partnerId, t.fixtures.partnerA.id));
    expect(await reasonOf(t.fixtures.partnerA.id)).toBe('no_agreement');
  });
});
