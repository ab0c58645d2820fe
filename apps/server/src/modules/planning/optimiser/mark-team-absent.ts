import { and, eq, gte, lte } from 'drizzle-orm';
import type { Actor } from '../../../platform/http/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { BilingualError } from '../../../platform/errors.ts';
import { teamAbsences, teams } from '../planning.schema.ts';
import { planningProposals } from '../planning-proposals.schema.ts';
import { repairHorizon, type OptimiserDeps } from './compute-proposal.ts';

export type TeamAbsentInput = {
  teamId: string;
  date: string;
  kind: (typeof teamAbsences.$inferInsert)['kind'];
  note?: string | undefined;
};

/**
 * "Team absent on day X": records the absence (one day) and queues a repair proposal that re-plans the
 * team's visits of that day with as few moves as possible. Kept apart from the board's absence
 * endpoints so the two can be merged: this one only adds the repair.
 */
export async function markTeamAbsent(deps: OptimiserDeps, actor: Actor, input: TeamAbsentInput) {
  if (input.date < deps.today())
    throw new BilingualError(422, 'date_in_past', {
      nl: 'Een afwezigheid in het verleden verandert de planning niet meer',
      en: 'An absence in the past no longer changes the planning',
    });
  return deps.db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!team) throw new BilingualError(404, 'not_found', { nl: 'Team niet gevonden', en: 'Team not found' });
    const [already] = await tx
      .select({ id: teamAbsences.id })
      .from(teamAbsences)
      .where(
        and(
          eq(teamAbsences.teamId, input.teamId),
          lte(teamAbsences.dateFrom, input.date),
          gte(teamAbsences.dateTo, input.date),
        ),
      );
    if (!already) {
      const [absence] = await tx
        .insert(teamAbsences)
        .values({
          teamId: input.teamId,
          dateFrom: input.date,
          dateTo: input.date,
          kind: input.kind,
          note: input.note ?? null,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'team.absence_added',
        subjectType: 'team',
        subjectId: input.teamId,
        after: { date: input.date, kind: input.kind, absenceId: absence!.id },
      });
    }
    const horizon = repairHorizon(input.date);
    const [proposal] = await tx
      .insert(planningProposals)
      .values({
        kind: 'repair',
        dateFrom: horizon.from,
        dateTo: horizon.to,
        absentTeamId: input.teamId,
        absentDate: input.date,
        requestedBy: actor.userId,
      })
      .returning({ id: planningProposals.id });
    return proposal!.id;
  });
}
