import { desc, eq } from 'drizzle-orm';
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
};

export const visitSummariesForOrder = (db: DbOrTx, orderId: string) =>
  db
    .select(columns)
    .from(visits)
    .leftJoin(teams, eq(teams.id, visits.teamId))
    .where(eq(visits.orderId, orderId))
    .orderBy(desc(visits.scheduledDate));

export const visitSummariesForCustomer = (db: DbOrTx, customerId: string) =>
  db
    .select(columns)
    .from(visits)
    .leftJoin(teams, eq(teams.id, visits.teamId))
    .where(eq(visits.customerId, customerId))
    .orderBy(desc(visits.scheduledDate))
    .limit(100);
