import { createEvent } from 'ics';
import type { Db } from '../../platform/db/client.ts';
import { addDaysToDate, formatDutchDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { storeEmails, type OutgoingEmail } from '../../platform/mail.ts';
import { amsterdamInstant } from '../../platform/messaging/quiet-hours.ts';
import { scheduledVisitsBetween, type ScheduledVisit } from '../../read-models/visit-reminders.ts';
import { brandedEmail } from './branded-email.ts';

/** The day blocks as customers are told them (the planning page shows the same hours). */
const BLOCK_HOURS = { morning: [8, 12], afternoon: [12, 17] } as const;
/** A reminder goes once the visit's block starts within this time. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60_000;

const TEXT = {
  nl: {
    subject: (v: ScheduledVisit) => `Herinnering: wij komen ${formatDutchDate(v.date!)} (${v.number})`,
    heading: 'Wij komen bij u langs',
    greeting: (name: string) => `Beste ${name},`,
    when: (v: ScheduledVisit, from: number, to: number) =>
      `Op ${formatDutchDate(v.date!)} tussen ${from}:00 en ${to}:00 uur komt onze monteur voor ${v.type === 'survey' ? 'de schouw' : 'de installatie'} (order ${v.orderNumber}).`,
    where: (address: string) => `Adres: ${address}`,
    ics: 'De afspraak zit als agenda-item bij deze e-mail.',
    bye: 'Met vriendelijke groet,',
  },
  en: {
    subject: (v: ScheduledVisit) => `Reminder: we visit you on ${v.date} (${v.number})`,
    heading: 'We are coming to see you',
    greeting: (name: string) => `Dear ${name},`,
    when: (v: ScheduledVisit, from: number, to: number) =>
      `On ${v.date} between ${from}:00 and ${to}:00 our technician comes for ${v.type === 'survey' ? 'the site survey' : 'the installation'} (order ${v.orderNumber}).`,
    where: (address: string) => `Address: ${address}`,
    ics: 'The appointment is attached as a calendar item.',
    bye: 'Kind regards,',
  },
};

const utcArray = (d: Date) =>
  [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [
    number,
    number,
    number,
    number,
    number,
  ];

/** The day blocks as customers are told them, and where that visit is. */
export const visitHours = (v: ScheduledVisit) => BLOCK_HOURS[v.block ?? 'morning'];
export const visitAddress = (v: ScheduledVisit) =>
  `${v.street} ${v.houseNumber}${v.houseNumberAddition ?? ''}, ${v.postcode} ${v.city}`;

/**
 * The visit's block as an iCalendar event, attached to the mails that name it. The event is written in UTC
 * instants computed from Amsterdam wall-clock hours (summer or winter time that day), so every calendar
 * shows 08:00-12:00 to a reader in the Netherlands; its uid is the visit's, so a moved visit replaces the event.
 */
export function visitCalendarAttachment(v: ScheduledVisit) {
  const [from, to] = visitHours(v);
  const ics = createEvent({
    uid: `${v.id}@chargecars.nl`,
    productId: 'chargecars/platform',
    method: 'PUBLISH',
    title: `${v.entity.name}: ${v.type === 'survey' ? 'schouw' : 'installatie'} ${v.number}`,
    location: visitAddress(v),
    start: utcArray(amsterdamInstant(v.date!, from)),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(amsterdamInstant(v.date!, to)),
    endInputType: 'utc',
    endOutputType: 'utc',
    organizer: { name: v.entity.name, email: v.entity.emailFrom },
  });
  if (ics.error || !ics.value) throw ics.error ?? new Error('iCalendar event not created');
  return {
    filename: `${v.number}.ics`,
    contentType: 'text/calendar; method=PUBLISH',
    contentBase64: Buffer.from(ics.value).toString('base64'),
  };
}

/** The reminder of one visit: branded HTML and text, and the calendar event of its block. */
export function renderVisitReminder(v: ScheduledVisit): OutgoingEmail {
  const language = v.language ?? 'nl';
  const t = TEXT[language];
  const [from, to] = visitHours(v);
  const paragraphs = [
    t.greeting(v.customerName),
    t.when(v, from, to),
    t.where(visitAddress(v)),
    t.ics,
    `${t.bye}\n${v.entity.name}`,
  ];
  const mail = brandedEmail(v.entity, { heading: t.heading, paragraphs, language });
  return {
    to: v.email,
    subject: t.subject(v),
    bodyText: mail.text,
    bodyHtml: mail.html,
    language,
    channel: 'email',
    messageType: 'visit_reminder',
    entityId: v.entity.id,
    customerId: v.customerId,
    attachments: [visitCalendarAttachment(v)],
    // One reminder per visit and appointment: moved to another day or block, it is reminded again.
    dedupeKey: `visit_reminder:${v.id}:${v.date}:${v.block}`,
  };
}

/** Queues the reminders of visits whose block starts within the next 24 hours; run often, each goes once. */
export async function queueVisitReminders(db: Db, now = new Date()) {
  const today = todayInAmsterdam(now);
  const visits = await scheduledVisitsBetween(db, today, addDaysToDate(today, 1));
  const due = visits.filter((v) => {
    if (!v.date || !v.block) return false;
    const start = amsterdamInstant(v.date, BLOCK_HOURS[v.block][0]).getTime();
    return start > now.getTime() && start - now.getTime() <= REMINDER_BEFORE_MS;
  });
  let queued = 0;
  for (let i = 0; i < due.length; i += 500)
    queued += (await storeEmails(db, due.slice(i, i + 500).map(renderVisitReminder))).length;
  return { visitRemindersQueued: queued };
}
