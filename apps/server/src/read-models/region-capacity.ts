import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { teamRegions, teams, visits } from '../modules/planning/planning.schema.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** How many teams serve a region and how full their next two weeks are (booked visits over ten days of capacity). */
export async function regionLoad(db: DbOrTx, regionCode: string, today = new Date()) {
  const rows = await db
    .select({ id: teams.id, max: teams.maxVisitsPerDay })
    .from(teamRegions)
    .innerJoin(teams, eq(teams.id, teamRegions.teamId))
    .where(eq(teamRegions.regionCode, regionCode));
  if (!rows.length) return { regionTeams: 0, regionLoad: 0 };
  const [load] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(visits)
    .where(
      and(
        inArray(
          visits.teamId,
          rows.map((r) => r.id),
        ),
        gte(visits.scheduledDate, isoDate(today)),
        lt(visits.scheduledDate, isoDate(new Date(today.getTime() + 14 * 86_400_000))),
      ),
    );
  const capacity = rows.reduce((s, r) => s + r.max, 0) * 10;
  return { regionTeams: rows.length, regionLoad: capacity ? (load?.n ?? 0) / capacity : 1 };
}
