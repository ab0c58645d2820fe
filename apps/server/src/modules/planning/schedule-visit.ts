import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { AppError, BilingualError } from '../../platform/errors.ts';
import { visitCard } from '../../read-models/planning-world.ts';
import { visits, type DAY_BLOCKS } from './planning.schema.ts';
import { lockVisitForChange, visitAudience } from './visit-for-change.ts';
import { advanceOrder } from '../orders/index.ts';
import { checkSlot, type Feasibility, type ReasonCode } from './slot-feasibility.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

export type ScheduleVisitInput = {
  visitId: string;
  date: string;
  teamId: string;
  block: (typeof DAY_BLOCKS)[number];
  /** The version the planner saw; a change on an older one is refused (someone else changed the visit). */
  lockVersion?: number | undefined;
  /** A planner's reason to plan it even though the check refuses (audited); never for a hard refusal. */
  overrideReason?: string | undefined;
};

/** Done and called-off visits stay as they are; anything else may be (re)planned. */
const FINAL = new Set(['completed', 'cancelled', 'partial']);

/** A visit changed by someone else since the planner loaded it: refuse rather than overwrite. */
export const staleVisit = (number: string, current: number) =>
  new BilingualError(409, 'visit_changed', {
    nl: `Iemand anders heeft bezoek ${number} intussen gewijzigd (nu versie ${current}); laad opnieuw, uw wijziging is niet opgeslagen`,
    en: `Someone else changed visit ${number} meanwhile (now version ${current}); reload, your change was not saved`,
  });

/**
 * The check's refusal as a problem: 422 `slot_refused` (a planner may override it with a reason) or
 * `slot_impossible` (nobody may), with each reason as a field error in both languages.
 */
/** Where a reason shows in a form: beside the date, the team or the block. */
const FIELD: Record<ReasonCode, string> = {
  visit_final: 'body.status',
  not_a_date: 'body.date',
  date_past: 'body.date',
  day_off: 'body.date',
  absent: 'body.date',
  link_order: 'body.date',
  confirmed: 'body.date',
  unknown_team: 'body.teamId',
  no_members: 'body.teamId',
  missing_skill: 'body.teamId',
  region_not_served: 'body.teamId',
  day_full: 'body.teamId',
  block_full: 'body.block',
  window_unreachable: 'body.block',
};

/**
 * The check's refusal as a problem: 422 `slot_refused` (a planner may override it with a reason) or
 * `validation` (nobody may), each reason as a field error in both languages, one error per field.
 */
export function refusal(check: Feasibility) {
  const byField = new Map<string, { nl: string[]; en: string[] }>();
  for (const r of check.reasons) {
    const field = FIELD[r.code];
    const entry = byField.get(field) ?? { nl: [], en: [] };
    entry.nl.push(r.nl);
    entry.en.push(r.en);
    byField.set(field, entry);
  }
  const fields = [...byField.entries()];
  return new AppError(
    422,
    check.overridable ? 'slot_refused' : 'validation',
    `Dit bezoek past hier niet: ${check.reasons.map((r) => r.nl).join('; ')}`,
    fields.map(([field, m]) => ({ field, message: m.nl.join('; ') })),
    {
      message: `This visit does not fit here: ${check.reasons.map((r) => r.en).join('; ')}`,
      errors: Object.fromEntries(fields.map(([field, m]) => [field, m.en.join('; ')])),
    },
  );
}

async function lockForPlanning(tx: Tx, visitId: string, lockVersion: number | undefined) {
  const locked = await lockVisitForChange(tx, visitId, 'all');
  if (lockVersion !== undefined && locked.visit.lockVersion !== lockVersion)
    throw staleVisit(locked.visit.number, locked.visit.lockVersion);
  return locked;
}

/**
 * Plans a visit on a team's morning or afternoon; planning it again moves it and it stays scheduled.
 * Every rule of `judgeSlot` is checked first; a refusal changes nothing unless a planner gives a reason
 * to override it (audited). The answer carries the travel the visit adds to the team's day.
 */
export async function scheduleVisit(db: Db, actor: Actor, input: ScheduleVisitInput) {
  return db.transaction(async (tx) => {
    const { visit, order } = await lockForPlanning(tx, input.visitId, input.lockVersion);
    if (FINAL.has(visit.status))
      throw new BilingualError(409, 'visit_not_schedulable', {
        nl: `Een bezoek met status ${visit.status} kan niet meer worden ingepland`,
        en: `A visit with status ${visit.status} can no longer be planned`,
      });
    const card = (await visitCard(tx, visit.id))!;
    const slot = { teamId: input.teamId, date: input.date, block: input.block };
    const override = input.overrideReason?.trim() || undefined;
    const check = await checkSlot(tx, card, slot, { moveConfirmed: Boolean(override) });
    if (!check.ok && (!check.overridable || !override)) throw refusal(check);

    const before = { status: visit.status, teamId: visit.teamId, date: visit.scheduledDate, block: visit.block };
    const after = { status: 'scheduled' as const, teamId: input.teamId, date: input.date, block: input.block };
    const [updated] = await tx
      .update(visits)
      .set({
        status: after.status,
        teamId: after.teamId,
        scheduledDate: after.date,
        block: after.block,
        lockVersion: sql`${visits.lockVersion} + 1`,
      })
      .where(eq(visits.id, visit.id))
      .returning({ lockVersion: visits.lockVersion });
    await recordAudit(tx, actor, {
      action: 'visit.scheduled',
      subjectType: 'visit',
      subjectId: visit.id,
      before,
      after: {
        ...after,
        addedKm: check.addedKm,
        ...(check.ok ? {} : { override, overridden: check.reasons.map((r) => r.code) }),
      },
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
    await advanceOrder(
      tx,
      actor,
      visit.orderId,
      sentence('order.visit_planned', { visit: visit.number, date: input.date }),
    );
    return {
      id: visit.id,
      number: visit.number,
      ...after,
      lockVersion: updated!.lockVersion,
      addedKm: check.addedKm,
      addedMinutes: check.addedMinutes,
      overridden: check.ok ? [] : check.reasons.map((r) => r.code),
    };
  });
}

/**
 * Takes a planned visit off the board, back to the queue. A visit confirmed with the customer comes off
 * only with a reason (the customer must be told); a started or finished one never.
 */
export async function unplanVisit(
  db: Db,
  actor: Actor,
  input: { visitId: string; lockVersion?: number | undefined; overrideReason?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const { visit, order } = await lockForPlanning(tx, input.visitId, input.lockVersion);
    if (visit.status !== 'scheduled')
      throw new BilingualError(409, 'visit_not_unplannable', {
        nl: `Alleen een ingepland bezoek kan terug naar de wachtrij; dit bezoek is ${visit.status}`,
        en: `Only a planned visit can go back to the queue; this visit is ${visit.status}`,
      });
    const override = input.overrideReason?.trim() || undefined;
    if (visit.confirmedAt && !override)
      throw new BilingualError(422, 'slot_refused', {
        nl: `Bezoek ${visit.number} is met de klant bevestigd; uit de planning halen alleen met een reden`,
        en: `Visit ${visit.number} was confirmed with the customer; unplan it only with a reason`,
      });
    const before = { status: visit.status, teamId: visit.teamId, date: visit.scheduledDate, block: visit.block };
    const [updated] = await tx
      .update(visits)
      .set({
        status: 'to_schedule',
        teamId: null,
        scheduledDate: null,
        block: null,
        confirmedAt: null,
        lockVersion: sql`${visits.lockVersion} + 1`,
      })
      .where(eq(visits.id, visit.id))
      .returning({ lockVersion: visits.lockVersion });
    await recordAudit(tx, actor, {
      action: 'visit.unplanned',
      subjectType: 'visit',
      subjectId: visit.id,
      before,
      after: { status: 'to_schedule', ...(override ? { override } : {}) },
    });
    await emitEvent(tx, {
      type: 'visit.unplanned',
      subjectType: 'visit',
      subjectId: visit.id,
      data: {
        visitId: visit.id,
        number: visit.number,
        orderId: visit.orderId,
        orderNumber: order.number,
        date: visit.scheduledDate,
        teamId: visit.teamId,
      },
      audience: visitAudience(order, { customerId: visit.customerId, teamId: visit.teamId }),
    });
    return { id: visit.id, number: visit.number, status: 'to_schedule' as const, lockVersion: updated!.lockVersion };
  });
}
