import { and, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { formatDutchDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { storeEmail } from '../../platform/mail.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { emailOutbox } from '../../platform/mail.schema.ts';
import { visitAsCustomerSeesIt, type ScheduledVisit } from '../../read-models/visit-reminders.ts';
import { brandedEmail } from './branded-email.ts';
import { visitAddress, visitCalendarAttachment, visitHours } from './visit-reminders.ts';

type Kind = 'planned' | 'moved' | 'cancelled';
const work = {
  nl: { survey: 'de schouw', other: 'de installatie' },
  en: { survey: 'the site survey', other: 'the installation' },
};

const TEXT = {
  nl: {
    subject: {
      planned: (v: ScheduledVisit) => `Uw afspraak: ${formatDutchDate(v.date!)} (${v.number})`,
      moved: (v: ScheduledVisit) => `Uw afspraak is verplaatst naar ${formatDutchDate(v.date!)} (${v.number})`,
      cancelled: (v: ScheduledVisit, date: string) =>
        `Uw afspraak van ${formatDutchDate(date)} gaat niet door (${v.number})`,
    },
    heading: {
      planned: 'Uw afspraak staat',
      moved: 'Uw afspraak is verplaatst',
      cancelled: 'Uw afspraak gaat niet door',
    },
    greeting: (name: string) => `Beste ${name},`,
    when: (v: ScheduledVisit, from: number, to: number) =>
      `Op ${formatDutchDate(v.date!)} tussen ${from}:00 en ${to}:00 uur komt onze monteur voor ${work.nl[v.type === 'survey' ? 'survey' : 'other']} (order ${v.orderNumber}).`,
    movedIntro: 'Wij hebben uw afspraak moeten verplaatsen. Excuses voor het ongemak.',
    cancelled: (date: string) =>
      `Helaas kunnen wij op ${formatDutchDate(date)} niet bij u langskomen. Wij plannen een nieuwe afspraak en laten u die zo snel mogelijk weten.`,
    where: (address: string) => `Adres: ${address}`,
    ics: 'De afspraak zit als agenda-item bij deze e-mail. Past het niet? Neem dan contact met ons op.',
    bye: 'Met vriendelijke groet,',
  },
  en: {
    subject: {
      planned: (v: ScheduledVisit) => `Your appointment: ${v.date} (${v.number})`,
      moved: (v: ScheduledVisit) => `Your appointment moved to ${v.date} (${v.number})`,
      cancelled: (v: ScheduledVisit, date: string) => `Your appointment on ${date} is cancelled (${v.number})`,
    },
    heading: {
      planned: 'Your appointment is set',
      moved: 'Your appointment has moved',
      cancelled: 'Your appointment is cancelled',
    },
    greeting: (name: string) => `Dear ${name},`,
    when: (v: ScheduledVisit, from: number, to: number) =>
      `On ${v.date} between ${from}:00 and ${to}:00 our technician comes for ${work.en[v.type === 'survey' ? 'survey' : 'other']} (order ${v.orderNumber}).`,
    movedIntro: 'We had to move your appointment. We apologise for the inconvenience.',
    cancelled: (date: string) =>
      `Unfortunately we cannot come on ${date}. We will plan a new appointment and let you know as soon as we can.`,
    where: (address: string) => `Address: ${address}`,
    ics: 'The appointment is attached as a calendar item. Does it not suit you? Please contact us.',
    bye: 'Kind regards,',
  },
};

/** What the customer was last told of this visit's appointments (keys `visit_planned:<id>:<date>:<block>`). */
async function toldBefore(db: DbOrTx, v: ScheduledVisit, date?: string) {
  const [row] = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    // The customer's own messages first (indexed), then the key.
    .where(
      and(
        eq(emailOutbox.customerId, v.customerId),
        like(emailOutbox.dedupeKey, `visit_planned:${v.id}:${date ?? ''}%`),
      ),
    )
    .limit(1);
  return !!row;
}

function render(v: ScheduledVisit, kind: Kind, cancelledDate: string | null) {
  const language = v.language ?? 'nl';
  const t = TEXT[language];
  const [from, to] = visitHours(v);
  const paragraphs =
    kind === 'cancelled'
      ? [t.greeting(v.customerName), t.cancelled(cancelledDate!), `${t.bye}\n${v.entity.name}`]
      : [
          t.greeting(v.customerName),
          ...(kind === 'moved' ? [t.movedIntro] : []),
          t.when(v, from, to),
          t.where(visitAddress(v)),
          t.ics,
          `${t.bye}\n${v.entity.name}`,
        ];
  const mail = brandedEmail(v.entity, { heading: t.heading[kind], paragraphs, language });
  return {
    to: v.email,
    subject: kind === 'cancelled' ? t.subject.cancelled(v, cancelledDate!) : t.subject[kind](v),
    bodyText: mail.text,
    bodyHtml: mail.html,
    language,
    channel: 'email' as const,
    messageType: kind === 'cancelled' ? ('visit_cancelled' as const) : ('visit_planned' as const),
    entityId: v.entity.id,
    customerId: v.customerId,
    attachments: kind === 'cancelled' ? null : [visitCalendarAttachment(v)],
    // One message per appointment: an event delivered twice, or the same slot planned again, tells once.
    dedupeKey:
      kind === 'cancelled' ? `visit_cancelled:${v.id}:${cancelledDate}` : `visit_planned:${v.id}:${v.date}:${v.block}`,
  };
}

/**
 * The customer hears of their appointment when it is made, when it moves (a planner's drag, an accepted
 * optimisation or the repair after a team's absence), and when it is taken off without a new day. The
 * visit is read as it is now: an event overtaken by a later change says nothing (that change tells).
 * Appointments in the past, and a cancellation of a day the customer was never told, say nothing.
 */
export async function tellCustomerOfAppointment(
  db: DbOrTx,
  event: RelayedEvent<'visit.scheduled' | 'visit.unplanned'>,
  today = todayInAmsterdam(),
) {
  const v = await visitAsCustomerSeesIt(db, event.subjectId);
  if (!v) return;
  if (event.type === 'visit.scheduled') {
    const { date, block } = event.data;
    if (v.status !== 'scheduled' || v.date !== date || v.block !== block || date < today) return;
    const kind = (await toldBefore(db, v)) ? 'moved' : 'planned';
    await storeEmail(db, render(v, kind, null));
    return;
  }
  const { date } = event.data;
  if (!date || date < today || v.status === 'scheduled' || !(await toldBefore(db, v, date))) return;
  await storeEmail(db, render(v, 'cancelled', date));
}
