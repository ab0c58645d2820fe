import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { teams, visits } from '../modules/planning/planning.schema.ts';

const columns = {
  id: visits.id,
  number: visits.number,
  type: visits.type,
  status: visits.status,
  date: visits.scheduledDate,
  block: visits.block,
  teamName: teams.name,
  durationMinutes: visits.durationMinutes,
  requiredSkills: visits.requiredSkills,
};

export const visitSummariesForOrder = (db: DbOrTx, orderId: string) =>
  db
    .select(columns)
    .from(visits)
    .leftJoin(teams, eq(teams.id, visits.teamId))
    .where(eq(visits.orderId, orderId))
    .orderBy(asc(visits.createdAt), asc(visits.number));

export const visitSummariesForCustomer = (db: DbOrTx, customerId: string) =>
  db
    .select(columns)
    .from(visits)
    .leftJoin(teams, eq(teams.id, visits.teamId))
    .where(eq(visits.customerId, customerId))
    .orderBy(desc(visits.scheduledDate))
    .limit(100);
