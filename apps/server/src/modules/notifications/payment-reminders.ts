import type { Db } from '../../platform/db/client.ts';
import { formatDutchDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { storeEmail, type OutgoingEmail } from '../../platform/mail.ts';
import { formatEuro } from '../../platform/money.ts';
import { overdueInvoicePayers, type OverdueInvoicePayer } from '../../read-models/overdue-invoice-payers.ts';
import { recordPaymentReminder } from '../billing/index.ts';
import { brandedEmail } from './branded-email.ts';

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

const TEXT = {
  nl: {
    subject: (i: OverdueInvoicePayer, step: number) =>
      `${step === 1 ? 'Herinnering' : `${step}e herinnering`}: factuur ${i.number}`,
    heading: 'Herinnering: openstaande factuur',
    greeting: (name: string) => `Beste ${name},`,
    open: (i: OverdueInvoicePayer, days: number) =>
      `Factuur ${i.number} van ${formatDutchDate(i.issueDate)} had op ${formatDutchDate(i.dueDate)} betaald moeten zijn; dat is ${days} dagen geleden. Er staat nog ${formatEuro(i.openCents, 'nl')} open.`,
    pay: (iban: string, number: string) =>
      `Wilt u dit bedrag overmaken naar ${iban} onder vermelding van ${number}? Heeft u al betaald, dan kunt u deze herinnering als niet verzonden beschouwen.`,
    bye: 'Met vriendelijke groet,',
  },
  en: {
    subject: (i: OverdueInvoicePayer, step: number) =>
      `${step === 1 ? 'Reminder' : `Reminder ${step}`}: invoice ${i.number}`,
    heading: 'Reminder: invoice outstanding',
    greeting: (name: string) => `Dear ${name},`,
    open: (i: OverdueInvoicePayer, days: number) =>
      `Invoice ${i.number} of ${i.issueDate} was due on ${i.dueDate}, ${days} days ago. ${formatEuro(i.openCents, 'en')} is still outstanding.`,
    pay: (iban: string, number: string) =>
      `Please transfer this amount to ${iban}, quoting ${number}. If you have paid already, please disregard this reminder.`,
    bye: 'Kind regards,',
  },
};

/** A payment reminder to the invoice's payer, in their language and their entity's brand. */
export function renderPaymentReminder(i: OverdueInvoicePayer, step: number, daysOverdue: number): OutgoingEmail {
  const t = TEXT[i.language];
  const paragraphs = [
    t.greeting(i.payerName),
    t.open(i, daysOverdue),
    t.pay(i.entity.iban, i.number),
    `${t.bye}\n${i.entity.name}`,
  ];
  const mail = brandedEmail(i.entity, { heading: t.heading, paragraphs, language: i.language });
  return {
    to: i.email,
    subject: t.subject(i, step),
    bodyText: mail.text,
    bodyHtml: mail.html,
    language: i.language,
    channel: 'email',
    messageType: 'payment_reminder',
    entityId: i.entity.id,
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
      await storeEmail(tx, renderPaymentReminder(invoice, step, daysOverdue));
      paymentReminders++;
    });
  }
  return { paymentReminders };
}
