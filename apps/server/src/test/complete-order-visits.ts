import { asc, eq } from 'drizzle-orm';
import { todayInAmsterdam } from '../platform/calendar.ts';
import { visits } from '../modules/planning/planning.schema.ts';
import type { TestApp } from './test-app.ts';

/**
 * Does an order's work the way the people do: ops plan each open visit (a day apart, in their linked
 * order) on a team, then start and finish it. The order follows by its lifecycle rules, up to completed.
 */
export async function completeOrderVisits(t: TestApp, orderId: string, teamId = t.fixtures.team1.id) {
  const ops = await t.as('ops@chargecars.nl');
  const open = await t.database.db
    .select()
    .from(visits)
    .where(eq(visits.orderId, orderId))
    .orderBy(asc(visits.createdAt), asc(visits.number));
  const today = Date.parse(`${todayInAmsterdam()}T00:00:00Z`);
  let day = 0;
  for (const visit of open.filter((v) => !['completed', 'cancelled'].includes(v.status))) {
    if (visit.status !== 'scheduled' && visit.status !== 'in_progress') {
      const date = new Date(today + day++ * 86_400_000).toISOString().slice(0, 10);
      // Tests that use this are about the order's lifecycle, not capacity: ops plan past a full day, with a reason.
      const planned = await ops.post(`/api/visits/${visit.id}/schedule`, {
        date,
        teamId,
        block: 'morning',
        overrideReason: 'Extra ploeg ingezet',
      });
      if (planned.statusCode !== 200) throw new Error(`plan ${visit.number}: ${planned.body}`);
    }
    if (visit.status !== 'in_progress') await ops.post(`/api/visits/${visit.id}/start`);
    const done = await ops.post(`/api/visits/${visit.id}/complete`);
    if (done.statusCode !== 200) throw new Error(`complete ${visit.number}: ${done.body}`);
  }
}
