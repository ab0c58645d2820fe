import { and, desc, eq, isNotNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { addresses } from '../modules/crm/crm.schema.ts';
import { visitExecutions } from '../modules/mobile/mobile.schema.ts';
import { teams, visits } from '../modules/planning/planning.schema.ts';

/**
 * Where a team sets out from for a visit, and when it set out: the last stop with a known location it
 * reached that day (the visit with the latest arrival), else its home base. Null when the visit has no team or
 * date, or the team never said it was on its way.
 */
export async function technicianDeparture(db: DbOrTx, visitId: string) {
  const [visit] = await db
    .select({
      teamId: visits.teamId,
      date: visits.scheduledDate,
      onTheWayAt: visitExecutions.onTheWayAt,
      arrivedAt: visitExecutions.arrivedAt,
      baseLat: teams.lat,
      baseLon: teams.lon,
    })
    .from(visits)
    .innerJoin(visitExecutions, eq(visitExecutions.visitId, visits.id))
    .innerJoin(teams, eq(teams.id, visits.teamId))
    .where(eq(visits.id, visitId));
  if (!visit?.date || !visit.teamId || !visit.onTheWayAt) return null;
  const [last] = await db
    .select({ lat: addresses.lat, lon: addresses.lon, number: visits.number })
    .from(visits)
    .innerJoin(visitExecutions, eq(visitExecutions.visitId, visits.id))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .where(
      and(
        eq(visits.teamId, visit.teamId),
        eq(visits.scheduledDate, visit.date),
        ne(visits.id, visitId),
        isNotNull(visitExecutions.arrivedAt),
        isNotNull(addresses.lat),
        isNotNull(addresses.lon),
      ),
    )
    .orderBy(desc(visitExecutions.arrivedAt))
    .limit(1);
  return {
    onTheWayAt: visit.onTheWayAt,
    arrivedAt: visit.arrivedAt,
    from: last
      ? { lat: last.lat!, lon: last.lon!, kind: 'last_stop' as const, visitNumber: last.number }
      : { lat: visit.baseLat, lon: visit.baseLon, kind: 'home_base' as const, visitNumber: null },
  };
}
