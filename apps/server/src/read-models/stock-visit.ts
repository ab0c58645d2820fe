import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { visits } from '../modules/planning/planning.schema.ts';

/** The visit stock is reserved or installed for, or null when there is none. */
export async function stockVisit(tx: DbOrTx, visitId: string) {
  const [visit] = await tx
    .select({
      id: visits.id,
      number: visits.number,
      status: visits.status,
      scheduledDate: visits.scheduledDate,
      teamId: visits.teamId,
    })
    .from(visits)
    .where(eq(visits.id, visitId));
  return visit ?? null;
}
