import { and, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { formatDutchDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { storeEmail } from '../../platform/mail.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { emailOutbox } from '../../platform/mail.schema.ts';
import { visitAsCustomerSeesIt, type ScheduledVisit } from '../../read-models/visit-reminders.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { visitCalendarAttachment, visitValues } from './visit-reminders.ts';

type Kind = 'planned' | 'moved' | 'cancelled';

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

async function render(db: DbOrTx, v: ScheduledVisit, kind: Kind, cancelledDate: string | null) {
  const language = v.language ?? 'nl';
  const base = { to: v.email, customerId: v.customerId };
  if (kind === 'cancelled') {
    const date = language === 'nl' ? formatDutchDate(cancelledDate!) : cancelledDate!;
    return {
      ...base,
      ...(await renderMessage(db, {
        type: 'visit_cancelled',
        language,
        brand: v.entity,
        values: { customerName: v.customerName, visitNumber: v.number, date },
      })),
      dedupeKey: `visit_cancelled:${v.id}:${cancelledDate}`,
    };
  }
  return {
    ...base,
    ...(await renderMessage(db, {
      type: kind === 'moved' ? 'visit_moved' : 'visit_planned',
      language,
      brand: v.entity,
      values: visitValues(v, language),
    })),
    attachments: [visitCalendarAttachment(v)],
    // One message per appointment: an event delivered twice, or the same slot planned again, tells once.
    dedupeKey: `visit_planned:${v.id}:${v.date}:${v.block}`,
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
    await storeEmail(db, await render(db, v, kind, null));
    return;
  }
  const { date } = event.data;
  if (!date || date < today || v.status === 'scheduled' || !(await toldBefore(db, v, date))) return;
  await storeEmail(db, await render(db, v, 'cancelled', date));
}
