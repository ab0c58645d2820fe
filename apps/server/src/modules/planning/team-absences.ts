import { and, asc, eq, gte, lte, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { BilingualError, notFound } from '../../platform/errors.ts';
import { absenceColumns } from '../../read-models/planning-world.ts';
import { isCalendarDate } from './slot-feasibility.ts';
import type { ABSENCE_KINDS } from './planning.schema.ts';
import { teamAbsences, teams, visits } from './planning.schema.ts';

export type AbsenceInput = {
  dateFrom: string;
  dateTo: string;
  kind: (typeof ABSENCE_KINDS)[number];
  note?: string | null | undefined;
};

async function teamExists(db: DbOrTx, teamId: string) {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw notFound('Team', 'Team');
}

export async function listAbsences(db: DbOrTx, teamId: string) {
  await teamExists(db, teamId);
  return db
    .select(absenceColumns)
    .from(teamAbsences)
    .where(eq(teamAbsences.teamId, teamId))
    .orderBy(asc(teamAbsences.dateFrom));
}

/**
 * Marks a team away from one day to another. Visits it already has on those days stay where they are
 * (re-planning them is the repair's job) and are listed in the answer, so the planner sees what to move.
 */
export async function addAbsence(db: Db, actor: Actor, teamId: string, input: AbsenceInput) {
  if (!isCalendarDate(input.dateFrom) || !isCalendarDate(input.dateTo) || input.dateFrom > input.dateTo)
    throw new BilingualError(422, 'absence_dates', {
      nl: 'De afwezigheid loopt van een bestaande datum tot en met dezelfde of een latere datum',
      en: 'An absence runs from a calendar date up to the same or a later one',
    });
  return db.transaction(async (tx) => {
    await teamExists(tx, teamId);
    const [absence] = await tx
      .insert(teamAbsences)
      .values({ teamId, ...input, note: input.note?.trim() || null, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, {
      action: 'team.absence_added',
      subjectType: 'team',
      subjectId: teamId,
      after: { absenceId: absence!.id, dateFrom: input.dateFrom, dateTo: input.dateTo, kind: input.kind },
    });
    const affected = await tx
      .select({ id: visits.id, number: visits.number, date: visits.scheduledDate, block: visits.block })
      .from(visits)
      .where(
        and(
          eq(visits.teamId, teamId),
          gte(visits.scheduledDate, input.dateFrom),
          lte(visits.scheduledDate, input.dateTo),
          ne(visits.status, 'cancelled'),
          ne(visits.status, 'completed'),
        ),
      )
      .orderBy(asc(visits.scheduledDate));
    const a = absence!;
    return {
      absence: { id: a.id, teamId, dateFrom: a.dateFrom, dateTo: a.dateTo, kind: a.kind, note: a.note },
      affectedVisits: affected,
    };
  });
}

export async function removeAbsence(db: Db, actor: Actor, teamId: string, absenceId: string) {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(teamAbsences)
      .where(and(eq(teamAbsences.id, absenceId), eq(teamAbsences.teamId, teamId)))
      .returning();
    if (!gone) throw notFound('Afwezigheid', 'Absence');
    await recordAudit(tx, actor, {
      action: 'team.absence_removed',
      subjectType: 'team',
      subjectId: teamId,
      before: { absenceId, dateFrom: gone.dateFrom, dateTo: gone.dateTo, kind: gone.kind },
    });
  });
}
