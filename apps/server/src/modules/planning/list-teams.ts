import { asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { regions, teamRegions, teams, technicians } from './planning.schema.ts';

export async function listTeams(db: DbOrTx) {
  return db
    .select({
      id: teams.id,
      code: teams.code,
      name: teams.name,
      homeBaseLabel: teams.homeBaseLabel,
      maxVisitsPerDay: teams.maxVisitsPerDay,
      // Drizzle leaves columns unqualified in a one-table select, so the outer row is named in full here.
      regions: sql<
        string[]
      >`coalesce((select array_agg(tr.region_code order by tr.region_code) from ${teamRegions} tr where tr.team_id = "teams"."id"), '{}')`,
      technicians: sql<number>`(select count(*)::int from ${technicians} tt where tt.team_id = "teams"."id")`,
    })
    .from(teams)
    .orderBy(asc(teams.code));
}

export const listRegions = (db: DbOrTx) => db.select().from(regions).orderBy(asc(regions.code));
