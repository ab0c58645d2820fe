import { and, eq, lt, or, sql } from 'drizzle-orm';
import { REGIONS } from '@chargecars/geo';
import type { Db } from '../../../platform/db/client.ts';
import { addDaysToDate } from '../../../platform/calendar.ts';
import { loadPlanningInputs, outdoorVisitIds, type PlanningInputs } from '../../../read-models/planning-inputs.ts';
import { planningProposals } from '../planning-proposals.schema.ts';
import { buildProblem, fingerprintOf, type Built } from './build-problem.ts';
import type { MaterialAvailability } from './material-availability.ts';
import { proposalDifference } from './proposal-difference.ts';
import { runSearch } from './run-search.ts';
import type { TravelProvider } from './travel-provider.ts';
import type { DayForecast, WeatherProvider } from './weather-provider.ts';

export type OptimiserDeps = {
  db: Db;
  travel: TravelProvider;
  weather: WeatherProvider;
  materials: MaterialAvailability;
  /** Search time per proposal. */
  timeLimitMs: number;
  today: () => string;
};

type ProposalRow = typeof planningProposals.$inferSelect;
/** A runner that has not touched its proposal for this long is taken to be dead; another takes over. */
const LEASE_MS = 120_000;

/** The forecast at the regional hubs, or null when there is none (offline default, or the service failed). */
export async function hubForecast(weather: WeatherProvider, from: string, to: string): Promise<DayForecast[][] | null> {
  try {
    return await weather.forecast(
      REGIONS.map((r) => r.hub),
      from,
      to,
    );
  } catch {
    return null;
  }
}

/** Reads a proposal's horizon from the database and turns it into the engine's problem. */
export async function problemOf(
  deps: OptimiserDeps,
  db: Db | Parameters<Parameters<Db['transaction']>[0]>[0],
  p: Pick<ProposalRow, 'kind' | 'dateFrom' | 'dateTo' | 'regionCode' | 'absentTeamId' | 'absentDate'>,
  forecast: DayForecast[][] | null,
): Promise<{ inputs: PlanningInputs; built: Built }> {
  const inputs = await loadPlanningInputs(db, { from: p.dateFrom, to: p.dateTo, regionCode: p.regionCode });
  const outdoor = await outdoorVisitIds(
    db,
    inputs.visits.map((v) => v.id),
  );
  const built = await buildProblem(
    inputs,
    {
      from: p.dateFrom,
      to: p.dateTo,
      today: deps.today(),
      ...(p.kind === 'repair' && p.absentTeamId && p.absentDate
        ? { repair: { teamId: p.absentTeamId, date: p.absentDate } }
        : {}),
    },
    {
      matrix: (points) => deps.travel.matrix(points),
      forecast,
      materials: (r) => deps.materials.check(db, r),
      outdoor,
    },
  );
  return { inputs, built };
}

/** Takes the oldest waiting proposal (or one whose runner died), so each is computed once across instances. */
async function claimNext(db: Db): Promise<ProposalRow | null> {
  const stale = new Date(Date.now() - LEASE_MS);
  const [row] = await db
    .update(planningProposals)
    .set({ status: 'running', claimedAt: new Date() })
    .where(
      eq(
        planningProposals.id,
        sql`(select id from ${planningProposals} where ${or(
          eq(planningProposals.status, 'queued'),
          and(eq(planningProposals.status, 'running'), lt(planningProposals.claimedAt, stale)),
        )} order by created_at limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Computes the next waiting proposal: a consistent read of the horizon, the engine's search in a
 * worker thread with its progress written to the row (the page polls it), then the difference.
 * Answers whether one was computed, so the loop looks again at once.
 */
export async function computeNextProposal(deps: OptimiserDeps): Promise<boolean> {
  const proposal = await claimNext(deps.db);
  if (!proposal) return false;
  const { db } = deps;
  try {
    const forecast = await hubForecast(deps.weather, proposal.dateFrom, proposal.dateTo);
    const { inputs, built } = await db.transaction((tx) => problemOf(deps, tx, proposal, forecast));
    const budgetMs = proposal.kind === 'repair' ? Math.min(deps.timeLimitMs, 3_000) : deps.timeLimitMs;
    let lastWrite = 0;
    const plan = await runSearch(
      {
        mode: proposal.kind,
        problem: built.problem,
        current: built.current,
        relaxedDays: [...built.relaxedDays],
        timeLimitMs: budgetMs,
      },
      (p) => {
        if (Date.now() - lastWrite < 1_000) return;
        lastWrite = Date.now();
        void db
          .update(planningProposals)
          .set({ progress: { ...p, budgetMs }, claimedAt: new Date() })
          .where(eq(planningProposals.id, proposal.id))
          .catch(() => {});
      },
    );
    const result = proposalDifference(inputs, built, plan, {
      weatherAvailable: forecast !== null,
      travelSource: deps.travel.name,
    });
    await db
      .update(planningProposals)
      .set({
        status: 'ready',
        result,
        fingerprint: fingerprintOf(inputs),
        progress: { budgetMs, elapsedMs: budgetMs, iterations: 0, unassigned: plan.unassigned.length },
        finishedAt: new Date(),
      })
      .where(eq(planningProposals.id, proposal.id));
  } catch (err) {
    await db
      .update(planningProposals)
      .set({ status: 'failed', error: (err as Error).message.slice(0, 500), finishedAt: new Date() })
      .where(eq(planningProposals.id, proposal.id));
  }
  return true;
}

/** A repair looks two weeks ahead from the absent day for places to move its visits to. */
export const repairHorizon = (date: string) => ({ from: date, to: addDaysToDate(date, 13) });
