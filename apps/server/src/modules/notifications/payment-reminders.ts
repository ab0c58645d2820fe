import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { formatDutchDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { storeEmail, type OutgoingEmail } from '../../platform/mail.ts';
import { formatEuro } from '../../platform/money.ts';
import { overdueInvoicePayers, type OverdueInvoicePayer } from '../../read-models/overdue-invoice-payers.ts';
import { recordPaymentReminder } from '../billing/index.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';

const DAY_MS = 24 * 60 * 60_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * The step an invoice has reached: how many of its entity's reminder days it is past its due date. A job
 * that did not run for a while sends the step reached, not every step it missed.
 *
 * @example reminderStepReached([7, 14, 30], 15) // 2
 */
export const reminderStepReached = (reminderDays: readonly number[], daysOverdue: number) =>
  reminderDays.filter((d) => daysOverdue >= d).length;

/** A payment reminder to the invoice's payer, from its template, in their language and their entity's brand. */
export async function renderPaymentReminder(
  db: DbOrTx,
  i: OverdueInvoicePayer,
  step: number,
  daysOverdue: number,
): Promise<OutgoingEmail> {
  const nl = i.language === 'nl';
  const message = await renderMessage(db, {
    type: 'payment_reminder',
    language: i.language,
    brand: i.entity,
    values: {
      payerName: i.payerName,
      reminder: nl
        ? step === 1
          ? 'Herinnering'
          : `${step}e herinnering`
        : step === 1
          ? 'Reminder'
          : `Reminder ${step}`,
      invoiceNumber: i.number,
      issueDate: nl ? formatDutchDate(i.issueDate) : i.issueDate,
      dueDate: nl ? formatDutchDate(i.dueDate) : i.dueDate,
      daysOverdue: String(daysOverdue),
      openAmount: formatEuro(i.openCents, i.language),
      iban: i.entity.iban,
    },
  });
  return {
    to: i.email,
    ...message,
    customerId: i.payer === 'customer' ? i.customerId : null,
    // One mail per invoice and step, whatever runs the job twice.
    dedupeKey: `payment_reminder:${i.id}:${step}`,
  };
}

/**
 * The daily dunning run: each open invoice that has reached a further step of its entity's sequence (7, 14
 * and 30 days overdue unless ops set others) gets one reminder, recorded on the invoice and queued in one
 * transaction. Paid, credited and cancelled invoices are not read, and one paid meanwhile records nothing.
 */
export async function sendPaymentReminders(db: Db, now = new Date()) {
  const today = todayInAmsterdam(now);
  let paymentReminders = 0;
  for (const invoice of await overdueInvoicePayers(db, today)) {
    const daysOverdue = daysBetween(invoice.dueDate, today);
    const step = reminderStepReached(invoice.reminderDays, daysOverdue);
    if (step <= invoice.reminderStep) continue;
    const days = invoice.reminderDays[step - 1]!;
    await db.transaction(async (tx) => {
      if (!(await recordPaymentReminder(tx, { invoiceId: invoice.id, step, days, at: now }))) return;
      await storeEmail(tx, await renderPaymentReminder(tx, invoice, step, daysOverdue));
      paymentReminders++;
    });
  }
  return { paymentReminders };
}
