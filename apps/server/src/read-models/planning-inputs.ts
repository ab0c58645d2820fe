import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { addresses, customers } from '../modules/crm/crm.schema.ts';
import { absencesBetween, planningTeams } from './planning-world.ts';
import { orderLines } from '../modules/orders/orders.schema.ts';
import { productKitItems, products } from '../modules/catalog/catalog.schema.ts';
import { regions, teams, visits } from '../modules/planning/planning.schema.ts';

/**
 * Outdoor work: an installation whose order mounts the charger on a pole (a pole stand or its concrete
 * base) or trenches a ground cable. Those products are the catalogue's way of saying so; a visit that
 * has one in its order's lines (directly or in a kit) is weather-sensitive.
 */
export const OUTDOOR_SKUS = ['CC-PAAL-1', 'CC-PAAL-2', 'CC-SOKKEL', 'SRV-GRAAF-M'] as const;

export type PlanningTeam = Awaited<ReturnType<typeof loadTeams>>[number];
export type PlanningVisit = Awaited<ReturnType<typeof loadVisits>>[number];

/** The teams the horizon plans for: all, or those serving the region (the board's read of a team). */
async function loadTeams(db: DbOrTx, regionCode: string | null) {
  const all = await planningTeams(db);
  return regionCode ? all.filter((t) => t.regions.includes(regionCode)) : all;
}

const visitColumns = {
  id: visits.id,
  number: visits.number,
  orderId: visits.orderId,
  type: visits.type,
  status: visits.status,
  teamId: visits.teamId,
  date: visits.scheduledDate,
  block: visits.block,
  durationMinutes: visits.durationMinutes,
  requiredSkills: visits.requiredSkills,
  afterVisitId: visits.afterVisitId,
  priority: visits.priority,
  windowStart: visits.windowStart,
  windowEnd: visits.windowEnd,
  confirmedAt: visits.confirmedAt,
  lockVersion: visits.lockVersion,
  customerId: visits.customerId,
  customerName: customers.name,
  phone: customers.phone,
  city: addresses.city,
  street: addresses.street,
  houseNumber: addresses.houseNumber,
  postcode: addresses.postcode,
  lat: addresses.lat,
  lon: addresses.lon,
};

/**
 * The visits of a horizon: every visit planned in it on the given teams (movable or fixed, the
 * optimiser decides), and every unplanned one (in the region, when one is given).
 */
async function loadVisits(db: DbOrTx, o: { from: string; to: string; teamIds: string[]; regionPc2: string[] | null }) {
  const planned = and(
    inArray(visits.status, ['scheduled', 'in_progress']),
    gte(visits.scheduledDate, o.from),
    lte(visits.scheduledDate, o.to),
    o.teamIds.length ? inArray(visits.teamId, o.teamIds) : sql`false`,
  );
  const unplanned = and(
    inArray(visits.status, ['to_schedule', 'rescheduled']),
    o.regionPc2 ? inArray(sql`left(${addresses.postcode}, 2)`, o.regionPc2) : undefined,
  );
  return db
    .select(visitColumns)
    .from(visits)
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .where(or(planned, unplanned))
    .orderBy(asc(visits.number));
}

/** The visits linked to these (the one before, the one after) that are not among them: their dates bound ours. */
async function loadLinked(db: DbOrTx, ids: string[], afterIds: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: visits.id, afterVisitId: visits.afterVisitId, status: visits.status, date: visits.scheduledDate })
    .from(visits)
    .where(
      and(
        or(inArray(visits.afterVisitId, ids), afterIds.length ? inArray(visits.id, afterIds) : sql`false`),
        ne(visits.status, 'cancelled'),
      ),
    );
}

/** Which of these visits are outdoor work (see OUTDOOR_SKUS). */
export async function outdoorVisitIds(db: DbOrTx, visitIds: string[]): Promise<Set<string>> {
  if (!visitIds.length) return new Set();
  const rows = await db
    .selectDistinct({ id: visits.id })
    .from(visits)
    .innerJoin(orderLines, eq(orderLines.orderId, visits.orderId))
    .leftJoin(productKitItems, eq(productKitItems.kitId, orderLines.kitId))
    .innerJoin(
      products,
      or(
        eq(products.id, orderLines.productId),
        and(isNull(orderLines.productId), eq(products.id, productKitItems.productId)),
      ),
    )
    .where(
      and(inArray(visits.id, visitIds), eq(visits.type, 'installation'), inArray(products.sku, [...OUTDOOR_SKUS])),
    );
  return new Set(rows.map((r) => r.id));
}

/** Everything the optimiser reads for a horizon, in one consistent read (pass the transaction). */
export async function loadPlanningInputs(db: DbOrTx, o: { from: string; to: string; regionCode: string | null }) {
  const allRegions = await db.select({ code: regions.code, pc2: regions.pc2 }).from(regions).orderBy(asc(regions.code));
  const region = o.regionCode ? allRegions.find((r) => r.code === o.regionCode) : null;
  const teamRows = await loadTeams(db, o.regionCode);
  const teamIds = teamRows.map((t) => t.id);
  const absences = (await absencesBetween(db, o.from, o.to, teamIds)).map((a) => ({
    teamId: a.teamId,
    from: a.dateFrom,
    to: a.dateTo,
  }));
  const visitRows = await loadVisits(db, { from: o.from, to: o.to, teamIds, regionPc2: region ? region.pc2 : null });
  const linked = await loadLinked(
    db,
    visitRows.map((v) => v.id),
    visitRows.flatMap((v) => (v.afterVisitId ? [v.afterVisitId] : [])),
  );
  return { regions: allRegions, teams: teamRows, absences, visits: visitRows, linked };
}
export type PlanningInputs = Awaited<ReturnType<typeof loadPlanningInputs>>;

/** A team and its visits of one day (planned, started or done), for the day route. */
export async function teamDay(db: DbOrTx, teamId: string, date: string) {
  const [team] = await db
    .select({ id: teams.id, name: teams.name, label: teams.homeBaseLabel, lat: teams.lat, lon: teams.lon })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!team) return null;
  const rows = await db
    .select(visitColumns)
    .from(visits)
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .where(
      and(
        eq(visits.teamId, teamId),
        eq(visits.scheduledDate, date),
        inArray(visits.status, ['scheduled', 'in_progress', 'completed', 'partial']),
      ),
    )
    .orderBy(asc(visits.number));
  return { team, visits: rows };
}

/** Planned outdoor-candidate visits of a period (for the weather flags). */
export async function plannedVisits(db: DbOrTx, from: string, to: string) {
  return db
    .select({
      id: visits.id,
      number: visits.number,
      date: visits.scheduledDate,
      teamId: visits.teamId,
      lat: addresses.lat,
      lon: addresses.lon,
    })
    .from(visits)
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .where(
      and(
        inArray(visits.status, ['scheduled', 'in_progress']),
        eq(visits.type, 'installation'),
        gte(visits.scheduledDate, from),
        lte(visits.scheduledDate, to),
      ),
    )
    .orderBy(asc(visits.scheduledDate), asc(visits.number));
}
