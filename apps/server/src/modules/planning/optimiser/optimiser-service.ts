import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanningProposal } from '@chargecars/contract';
import type { Actor } from '../../../platform/http/actor.ts';
import { addDaysToDate } from '../../../platform/calendar.ts';
import { BilingualError, notFound } from '../../../platform/errors.ts';
import { pokableLoop } from '../../../platform/pokable-loop.ts';
import type { ModuleWorkers } from '../../../platform/events/subscribers.ts';
import { regions } from '../planning.schema.ts';
import { planningProposals } from '../planning-proposals.schema.ts';
import { applyProposal } from './apply-proposal.ts';
import { computeNextProposal, type OptimiserDeps } from './compute-proposal.ts';
import { dayRoute } from './day-route.ts';
import { markTeamAbsent, type TeamAbsentInput } from './mark-team-absent.ts';
import { weatherFlags } from './weather-flags.ts';

/** The longest horizon one optimisation takes: two weeks. */
const MAX_HORIZON_DAYS = 14;

const view = (row: typeof planningProposals.$inferSelect): z.infer<typeof PlanningProposal> => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  from: row.dateFrom,
  to: row.dateTo,
  regionCode: row.regionCode,
  absentTeamId: row.absentTeamId,
  absentDate: row.absentDate,
  createdAt: row.createdAt.toISOString(),
  progress: row.progress ?? null,
  error: row.error,
  weatherAvailable: row.result?.weatherAvailable ?? false,
  changes: row.result?.changes ?? [],
  teams: (row.result?.teams ?? []).map((t) => ({ ...t, applied: row.appliedTeamIds.includes(t.teamId) })),
  affectedCustomers: row.result?.affectedCustomers ?? [],
});

/** Optimise, repair, day routes and weather: the engine at work on the database's planning. */
export function createOptimiserService(deps: OptimiserDeps) {
  const { db } = deps;
  const loop = pokableLoop('planning-proposals', 5_000, () => computeNextProposal(deps));
  const get = async (id: string) => {
    const [row] = await db.select().from(planningProposals).where(eq(planningProposals.id, id));
    if (!row) throw notFound('Voorstel', 'Proposal');
    return view(row);
  };
  return {
    async requestOptimisation(actor: Actor, body: { from: string; to: string; regionCode?: string | undefined }) {
      if (body.to < body.from || addDaysToDate(body.from, MAX_HORIZON_DAYS - 1) < body.to)
        throw new BilingualError(422, 'horizon_invalid', {
          nl: `Kies een periode van 1 tot ${MAX_HORIZON_DAYS} dagen, 'tot' niet vóór 'van'`,
          en: `Choose a period of 1 to ${MAX_HORIZON_DAYS} days, 'to' not before 'from'`,
        });
      if (body.to < deps.today())
        throw new BilingualError(422, 'horizon_in_past', {
          nl: 'Deze periode ligt in het verleden',
          en: 'This period is in the past',
        });
      if (body.regionCode) {
        const [region] = await db.select().from(regions).where(eq(regions.code, body.regionCode));
        if (!region) throw new BilingualError(422, 'region_unknown', { nl: 'Onbekende regio', en: 'Unknown region' });
      }
      const [row] = await db
        .insert(planningProposals)
        .values({
          kind: 'optimise',
          dateFrom: body.from < deps.today() ? deps.today() : body.from,
          dateTo: body.to,
          regionCode: body.regionCode ?? null,
          requestedBy: actor.userId,
        })
        .returning();
      loop.poke();
      return view(row!);
    },
    async markTeamAbsent(actor: Actor, input: TeamAbsentInput) {
      const id = await markTeamAbsent(deps, actor, input);
      loop.poke();
      return get(id);
    },
    get,
    list: async () =>
      (await db.select().from(planningProposals).orderBy(desc(planningProposals.createdAt)).limit(20)).map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        from: r.dateFrom,
        to: r.dateTo,
        regionCode: r.regionCode,
        createdAt: r.createdAt.toISOString(),
      })),
    apply: (actor: Actor, id: string, teamIds?: string[]) => applyProposal(deps, actor, id, teamIds),
    /** Computes the next waiting proposal now (the background loop does this when workers run). */
    computeNext: () => computeNextProposal(deps),
    dayRoute: (teamId: string, date: string) => dayRoute(deps, teamId, date),
    weatherFlags: (from: string, to: string) => weatherFlags(deps, from, to),
    workers: (): ModuleWorkers => ({ subscribers: [], schedules: [], loops: [loop] }),
  };
}
export type OptimiserService = ReturnType<typeof createOptimiserService>;
