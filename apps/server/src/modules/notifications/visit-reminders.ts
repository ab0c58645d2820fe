import { createEvent } from 'ics';
import type { Db } from '../../platform/db/client.ts';
import { addDaysToDate, formatDutchDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { storeEmails, type OutgoingEmail } from '../../platform/mail.ts';
import { amsterdamInstant } from '../../platform/messaging/quiet-hours.ts';
import { scheduledVisitsBetween, type ScheduledVisit } from '../../read-models/visit-reminders.ts';
import { overridesOf, renderWith, type TemplateOverrides } from '../../platform/messaging/templates/render-message.ts';

/** The day blocks as customers are told them (the planning page shows the same hours). */
const BLOCK_HOURS = { morning: [8, 12], afternoon: [12, 17] } as const;
/** A reminder goes once the visit's block starts within this time. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60_000;

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

/** What every message about a visit says of it, in the customer's language. */
export function visitValues(v: ScheduledVisit, language: 'nl' | 'en') {
  const [from, to] = visitHours(v);
  return {
    customerName: v.customerName,
    visitNumber: v.number,
    orderNumber: v.orderNumber,
    date: language === 'nl' ? formatDutchDate(v.date!) : v.date!,
    from: `${from}:00`,
    to: `${to}:00`,
    work: visitWork(v, language),
    address: visitAddress(v),
  };
}
const WORK = {
  nl: { survey: 'de schouw', other: 'de installatie' },
  en: { survey: 'the site survey', other: 'the installation' },
};
/** What the technician comes for, as the customer reads it. */
export const visitWork = (v: Pick<ScheduledVisit, 'type'>, language: 'nl' | 'en') =>
  WORK[language][v.type === 'survey' ? 'survey' : 'other'];

/** The reminder of one visit: branded HTML and text, and the calendar event of its block. */
export function renderVisitReminder(v: ScheduledVisit, overrides: TemplateOverrides): OutgoingEmail {
  const language = v.language ?? 'nl';
  return {
    to: v.email,
    customerId: v.customerId,
    ...renderWith(overrides, { type: 'visit_reminder', language, brand: v.entity, values: visitValues(v, language) }),
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
  const overrides = await overridesOf(db, 'visit_reminder');
  let queued = 0;
  for (let i = 0; i < due.length; i += 500)
    queued += (
      await storeEmails(
        db,
        due.slice(i, i + 500).map((v) => renderVisitReminder(v, overrides)),
      )
    ).length;
  return { visitRemindersQueued: queued };
}
