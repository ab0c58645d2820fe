import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { completeOrderVisits } from '../../test/complete-order-visits.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import * as s from '../../platform/db/schema.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { reminderStepReached } from './payment-reminders.ts';

let t: TestApp;
let ops: Awaited<ReturnType<TestApp['as']>>;
let customerInvoice: { id: string; number: string; totalCents: number };
let partnerInvoice: { id: string; number: string; totalCents: number };
const today = todayInAmsterdam();

const run = () => t.built.services.communications.sendPaymentReminders();
const dueDaysAgo = (id: string, days: number) =>
  t.database.db
    .update(s.invoices)
    .set({ dueDate: addDaysToDate(today, -days) })
    .where(eq(s.invoices.id, id));
const remindersOf = (invoiceId: string) =>
  t.database.db
    .select()
    .from(s.emailOutbox)
    .where(and(eq(s.emailOutbox.messageType, 'payment_reminder'), like(s.emailOutbox.dedupeKey, `%${invoiceId}%`)))
    .orderBy(s.emailOutbox.createdAt);
const detail = async (id: string) => (await ops.get(`/api/invoices/${id}`)).json();

beforeAll(async () => {
  t = await createTestApp();
  await loadCatalogFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
  await completeOrderVisits(t, t.fixtures.o1.id);
  const res = await ops.post(`/api/orders/${t.fixtures.o1.id}/invoices`, {});
  expect(res.statusCode, res.body).toBe(201);
  [customerInvoice, partnerInvoice] = res.json();
});
afterAll(() => t?.close());

describe('payment reminders', () => {
  it('counts the steps an invoice has reached', () => {
    expect(reminderStepReached([7, 14, 30], 6)).toBe(0);
    expect(reminderStepReached([7, 14, 30], 7)).toBe(1);
    expect(reminderStepReached([7, 14, 30], 29)).toBe(2);
    expect(reminderStepReached([7, 14, 30], 400)).toBe(3);
  });

  it('sends nothing before the first step', async () => {
    await dueDaysAgo(customerInvoice.id, 6);
    expect(await run()).toEqual({ paymentReminders: 0 });
    expect(await remindersOf(customerInvoice.id)).toEqual([]);
    expect((await detail(customerInvoice.id)).paymentReminder).toBeNull();
  });

  it('sends each step of 7, 14 and 30 days once, to the payer, and shows it on the invoice', async () => {
    for (const [days, step] of [
      [7, 1],
      [14, 2],
      [30, 3],
    ] as const) {
      await dueDaysAgo(customerInvoice.id, days);
      await run();
      await run();
      const mails = await remindersOf(customerInvoice.id);
      expect(mails).toHaveLength(step);
      expect(mails.at(-1)).toMatchObject({
        to: t.fixtures.c1.email,
        customerId: t.fixtures.c1.id,
        language: 'nl',
        status: 'queued',
        dedupeKey: `payment_reminder:${customerInvoice.id}:${step}`,
      });
      expect(mails.at(-1)!.subject).toBe(
        `${step === 1 ? 'Herinnering' : `${step}e herinnering`}: factuur ${customerInvoice.number}`,
      );
      expect(mails.at(-1)!.bodyText).toContain(`${days} dagen geleden`);
      expect(mails.at(-1)!.bodyHtml).toContain('<!doctype html>');
      expect((await detail(customerInvoice.id)).paymentReminder).toMatchObject({ step, days });
    }
    await dueDaysAgo(customerInvoice.id, 90);
    expect(await run()).toEqual({ paymentReminders: 0 });
    expect(await remindersOf(customerInvoice.id)).toHaveLength(3);
  });

  it('writes to a customer in their language', async () => {
    await t.database.db.insert(s.messagePreferences).values({
      customerId: t.fixtures.c1.id,
      channels: ['email'],
      language: 'en',
    });
    await t.database.db
      .update(s.invoices)
      .set({ reminderStep: 0, reminderDays: null, remindedAt: null })
      .where(eq(s.invoices.id, customerInvoice.id));
    await t.database.db.delete(s.emailOutbox).where(like(s.emailOutbox.dedupeKey, `%${customerInvoice.id}%`));
    await dueDaysAgo(customerInvoice.id, 8);
    await run();
    const [mail] = await remindersOf(customerInvoice.id);
    expect(mail).toMatchObject({ language: 'en', subject: `Reminder: invoice ${customerInvoice.number}` });
    expect(mail!.bodyText).toContain('8 days ago');
  });

  it('skips an invoice that is paid, or credited', async () => {
    const paid = await ops.post(`/api/invoices/${partnerInvoice.id}/payments`, {
      amountCents: partnerInvoice.totalCents,
      paidAt: new Date().toISOString(),
      method: 'bank_transfer',
    });
    expect(paid.json().status).toBe('paid');
    await dueDaysAgo(partnerInvoice.id, 20);
    await dueDaysAgo(customerInvoice.id, 20);
    const credit = await ops.post(`/api/invoices/${customerInvoice.id}/credit-note`, { reason: 'Coulance' });
    expect(credit.statusCode, credit.body).toBe(201);
    expect(await run()).toEqual({ paymentReminders: 0 });
    expect(await remindersOf(partnerInvoice.id)).toEqual([]);
    expect((await detail(partnerInvoice.id)).paymentReminder).toBeNull();
  });

  it("follows the steps ops set for the invoice's entity, and refuses steps that do not rise", async () => {
    const entityId = t.fixtures.o2.entityId;
    const refused = await ops.put(`/api/entities/${entityId}/payment-reminders`, { days: [14, 7] });
    expect(refused.statusCode).toBe(400);
    const set = await ops.put(`/api/entities/${entityId}/payment-reminders`, { days: [3, 10] });
    expect(set.statusCode, set.body).toBe(200);
    expect((await ops.get('/api/entities/payment-reminders')).json()).toContainEqual(
      expect.objectContaining({ entityId, days: [3, 10] }),
    );
    const partner = await t.as('partner-a@alfa.example.nl');
    expect((await partner.get('/api/entities/payment-reminders')).statusCode).toBe(403);
    // A fresh partner invoice of the entity, three days overdue: under 7/14/30 nothing, under 3/10 its first.
    await completeOrderVisits(t, t.fixtures.o2.id);
    const issued = await ops.post(`/api/orders/${t.fixtures.o2.id}/invoices`, {});
    expect(issued.statusCode, issued.body).toBe(201);
    const invoice = (issued.json() as { id: string; entityId?: string }[])[0]!;
    await dueDaysAgo(invoice.id, 3);
    await run();
    const [mail] = await remindersOf(invoice.id);
    expect(mail?.dedupeKey).toBe(`payment_reminder:${invoice.id}:1`);
    expect((await detail(invoice.id)).paymentReminder).toMatchObject({ step: 1, days: 3 });
  });
});
