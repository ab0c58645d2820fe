import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import { teams } from '../modules/planning/planning.schema.ts';

/** The names of the partner and the team a user acts for, as the portals show them beside the user's name. */
export async function scopeNames(db: DbOrTx, user: { partnerId: string | null; teamId: string | null }) {
  const [row] = await db
    .select({
      partnerName: user.partnerId
        ? sql<string | null>`(select ${partners.name} from ${partners} where ${partners.id} = ${user.partnerId})`
        : sql<null>`null`,
      teamName: user.teamId
        ? sql<string | null>`(select ${teams.name} from ${teams} where ${teams.id} = ${user.teamId})`
        : sql<null>`null`,
    })
    .from(sql`(select 1) as one`);
  return { partnerName: row?.partnerName ?? null, teamName: row?.teamName ?? null };
}
