import { eq, or } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { AppError, invalid, type FieldError } from '../../platform/errors.ts';
import { teams, visits, type DAY_BLOCKS } from './planning.schema.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import { lockVisitForChange, visitAudience } from './visit-for-change.ts';
import { advanceOrder } from '../orders/index.ts';

export type ScheduleVisitInput = { visitId: string; date: string; teamId: string; block: (typeof DAY_BLOCKS)[number] };

/** Done and called-off visits stay as they are; anything else may be (re)planned. */
const FINAL = new Set(['completed', 'cancelled']);

/** The contract checks the shape JJJJ-MM-DD; this also refuses a day that does not exist (2026-02-30). */
const isCalendarDate = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(date);
};

/** Plans a visit on a team's morning or afternoon; planning it again moves it and it stays scheduled. */
export async function scheduleVisit(db: Db, actor: Actor, input: ScheduleVisitInput) {
  return db.transaction(async (tx) => {
    const { visit, order } = await lockVisitForChange(tx, input.visitId, 'all');
    if (FINAL.has(visit.status))
      throw new AppError(
        409,
        'visit_not_schedulable',
        `Een bezoek met status ${visit.status} kan niet meer worden ingepland`,
      );
    const errors: FieldError[] = [];
    // Planning lives in Amsterdam: "today" is the Dutch calendar day, also just after midnight UTC.
    if (!isCalendarDate(input.date)) errors.push({ field: 'body.date', message: 'geen bestaande datum' });
    else if (input.date < todayInAmsterdam())
      errors.push({ field: 'body.date', message: 'een datum in het verleden kan niet' });
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!team) errors.push({ field: 'body.teamId', message: 'onbekend team' });
    if (!errors.length) errors.push(...(await linkedVisitConflicts(tx, visit, input.date)));
    if (errors.length) throw invalid(errors, 'Dit bezoek kan zo niet worden ingepland');

    const before = { status: visit.status, teamId: visit.teamId, date: visit.scheduledDate, block: visit.block };
    const after = { status: 'scheduled' as const, teamId: input.teamId, date: input.date, block: input.block };
    await tx
      .update(visits)
      .set({ status: after.status, teamId: after.teamId, scheduledDate: after.date, block: after.block })
      .where(eq(visits.id, visit.id));
    await recordAudit(tx, actor, {
      action: 'visit.scheduled',
      subjectType: 'visit',
      subjectId: visit.id,
      before,
      after,
    });
    await emitEvent(tx, {
      type: 'visit.scheduled',
      subjectType: 'visit',
      subjectId: visit.id,
      data: {
        visitId: visit.id,
        number: visit.number,
        orderId: visit.orderId,
        orderNumber: order.number,
        date: input.date,
        block: input.block,
        teamId: input.teamId,
      },
      audience: visitAudience(order, { customerId: visit.customerId, teamId: input.teamId }),
    });
    // The first visit planned schedules the order (order-lifecycle.ts), in this transaction.
    await advanceOrder(tx, actor, visit.orderId, {
      nl: `Bezoek ${visit.number} ingepland op ${input.date}`,
      en: `Visit ${visit.number} planned on ${input.date}`,
    });
    return { id: visit.id, number: visit.number, ...after };
  });
}

/**
 * The two visits of one order are linked: the later one (`afterVisitId`) comes on a later day than the
 * earlier one, whichever of the two is planned first.
 */
async function linkedVisitConflicts(
  tx: Tx,
  visit: { id: string; afterVisitId: string | null },
  date: string,
): Promise<FieldError[]> {
  const linked = await tx
    .select({ id: visits.id, number: visits.number, date: visits.scheduledDate, afterVisitId: visits.afterVisitId })
    .from(visits)
    .where(or(visit.afterVisitId ? eq(visits.id, visit.afterVisitId) : undefined, eq(visits.afterVisitId, visit.id)));
  const errors: FieldError[] = [];
  for (const other of linked) {
    if (!other.date) continue;
    if (other.id === visit.afterVisitId && other.date >= date)
      errors.push({ field: 'body.date', message: `moet na ${other.number} (${other.date}) liggen, op een latere dag` });
    if (other.afterVisitId === visit.id && other.date <= date)
      errors.push({
        field: 'body.date',
        message: `moet vóór ${other.number} (${other.date}) liggen, op een eerdere dag`,
      });
  }
  return errors;
}
