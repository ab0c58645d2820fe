import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { regions, teamRegions, teams, technicians } from './planning.schema.ts';

export async function listTeams(db: DbOrTx) {
  return db
    .select({
      id: teams.id, code: teams.code, name: teams.name, homeBaseLabel: teams.homeBaseLabel, maxVisitsPerDay: teams.maxVisitsPerDay,
      regions: sql<string[]>`coalesce((select array_agg(${teamRegions.regionCode} order by ${teamRegions.regionCode}) from ${teamRegions} where ${teamRegions.teamId} = ${teams.id}), '{}')`,
      technicians: sql<number>`(select count(*)::int from ${technicians} where ${eq(technicians.teamId, teams.id)})`,
    })
    .from(teams)
    .orderBy(asc(teams.code));
}

export const listRegions = (db: DbOrTx) => db.select().from(regions).orderBy(asc(regions.code));
