import { and, asc, eq, gte, inArray, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { users } from '../platform/auth/auth.schema.ts';
import { addresses, customers } from '../modules/crm/crm.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { regions, teamAbsences, teamRegions, teams, technicians, visits } from '../modules/planning/planning.schema.ts';

/** What the scheduling checks and the board know of a team. */
export type WorldTeam = {
  id: string;
  code: string;
  name: string;
  homeBaseLabel: string;
  lat: number;
  lon: number;
  maxVisitsPerDay: number;
  skills: string[];
  workingDays: number[];
  regions: string[];
  /** Two-digit postcodes of the regions it serves. */
  pc2: string[];
  /** Technicians on the team (rows in technicians, or technician logins of the team). */
  members: number;
};
export type WorldAbsence = {
  id: string;
  teamId: string;
  dateFrom: string;
  dateTo: string;
  kind: 'holiday' | 'illness' | 'training' | 'other';
  note: string | null;
};
/** A visit as a card on the board and as a stop in the checks. */
export type WorldVisit = {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  type: 'survey' | 'installation' | 'meter_replacement';
  status: string;
  priority: number;
  teamId: string | null;
  date: string | null;
  block: 'morning' | 'afternoon' | null;
  durationMinutes: number;
  requiredSkills: string[];
  windowStart: string | null;
  windowEnd: string | null;
  confirmed: boolean;
  lockVersion: number;
  afterVisitId: string | null;
  customerName: string;
  postcode: string;
  city: string;
  lat: number | null;
  lon: number | null;
  createdAt: string;
};

const visitColumns = {
  id: visits.id,
  number: visits.number,
  orderId: visits.orderId,
  orderNumber: orders.number,
  type: visits.type,
  status: visits.status,
  priority: visits.priority,
  teamId: visits.teamId,
  date: visits.scheduledDate,
  block: visits.block,
  durationMinutes: visits.durationMinutes,
  requiredSkills: visits.requiredSkills,
  windowStart: visits.windowStart,
  windowEnd: visits.windowEnd,
  confirmed: sql<boolean>`${visits.confirmedAt} is not null`,
  lockVersion: visits.lockVersion,
  afterVisitId: visits.afterVisitId,
  customerName: customers.name,
  postcode: addresses.postcode,
  city: addresses.city,
  lat: addresses.lat,
  lon: addresses.lon,
  createdAt: sql<string>`to_char(${visits.createdAt} at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`,
};

/** Visits with their order, customer and address: the rows behind cards and stops. */
export async function visitCards(db: DbOrTx, where: SQL | undefined, limit = 5000): Promise<WorldVisit[]> {
  return db
    .select(visitColumns)
    .from(visits)
    .innerJoin(orders, eq(orders.id, visits.orderId))
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .where(where)
    .orderBy(...CARD_ORDER)
    .limit(limit);
}
/** Priority first, then the oldest; the number (bytewise, as the planning memory compares it) settles a tie. */
const CARD_ORDER = [sql`${visits.priority} desc`, asc(visits.createdAt), sql`${visits.number} collate "C"`];

/** A card as the planning memory keeps it: with what its changes are found by, and what the queue filters on. */
export type MemoryVisit = WorldVisit & {
  customerId: string;
  addressId: string;
  orderStage: string;
  /** When the visit was made, in microseconds since 1970: the queue's order and its age filter. */
  createdAtUs: number;
};

/** The cards `where` selects, as the planning memory keeps them (in the board's order). */
export async function memoryVisits(db: DbOrTx, where: SQL): Promise<MemoryVisit[]> {
  const rows = await db
    .select({
      ...visitColumns,
      customerId: visits.customerId,
      addressId: visits.addressId,
      orderStage: orders.stage,
      createdAtUs: sql<string>`(extract(epoch from ${visits.createdAt}) * 1000000)::bigint::text`,
    })
    .from(visits)
    .innerJoin(orders, eq(orders.id, visits.orderId))
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .where(where)
    .orderBy(...CARD_ORDER);
  return rows.map((r) => ({ ...r, createdAtUs: Number(r.createdAtUs) }));
}

/** The teams (all, or the ones named) with everything a check needs. */
export async function planningTeams(db: DbOrTx, teamIds?: string[]): Promise<WorldTeam[]> {
  if (teamIds && !teamIds.length) return [];
  return db
    .select({
      id: teams.id,
      code: teams.code,
      name: teams.name,
      homeBaseLabel: teams.homeBaseLabel,
      lat: teams.lat,
      lon: teams.lon,
      maxVisitsPerDay: teams.maxVisitsPerDay,
      skills: teams.skills,
      workingDays: teams.workingDays,
      // Drizzle leaves columns unqualified in a one-table select, so the outer row is named in full here.
      regions: sql<
        string[]
      >`coalesce((select array_agg(tr.region_code order by tr.region_code) from ${teamRegions} tr where tr.team_id = "teams"."id"), '{}')`,
      pc2: sql<
        string[]
      >`coalesce((select array_agg(distinct p) from ${teamRegions} tr join ${regions} r on r.code = tr.region_code, unnest(r.pc2) p where tr.team_id = "teams"."id"), '{}')`,
      members: sql<number>`((select count(*) from ${technicians} tt where tt.team_id = "teams"."id") + (select count(*) from ${users} u where u.team_id = "teams"."id" and u.role = 'technician'))::int`,
    })
    .from(teams)
    .where(teamIds ? inArray(teams.id, teamIds) : undefined)
    .orderBy(asc(teams.code));
}

/** A team absence as the board, its dialog and the checks read it. */
export const absenceColumns = {
  id: teamAbsences.id,
  teamId: teamAbsences.teamId,
  dateFrom: teamAbsences.dateFrom,
  dateTo: teamAbsences.dateTo,
  kind: teamAbsences.kind,
  note: teamAbsences.note,
};

/** Absences that touch the days from..to of the given teams (all teams without a list). */
export async function absencesBetween(db: DbOrTx, from: string, to: string, teamIds?: string[]) {
  if (teamIds && !teamIds.length) return [];
  return db
    .select(absenceColumns)
    .from(teamAbsences)
    .where(
      and(
        lte(teamAbsences.dateFrom, to),
        gte(teamAbsences.dateTo, from),
        teamIds ? inArray(teamAbsences.teamId, teamIds) : undefined,
      ),
    )
    .orderBy(asc(teamAbsences.dateFrom), asc(teamAbsences.id));
}

/** The regions with their two-digit postcodes. */
export const regionPostcodes = (db: DbOrTx) => db.select({ code: regions.code, pc2: regions.pc2 }).from(regions);

/** The planned (not cancelled) visits of the teams on the days from..to: what already takes their time. */
export function plannedVisitsBetween(db: DbOrTx, from: string, to: string, teamIds?: string[]) {
  if (teamIds && !teamIds.length) return Promise.resolve([]);
  return visitCards(
    db,
    and(
      gte(visits.scheduledDate, from),
      lte(visits.scheduledDate, to),
      ne(visits.status, 'cancelled'),
      teamIds ? inArray(visits.teamId, teamIds) : sql`${visits.teamId} is not null`,
    ),
    20_000,
  );
}

/** One visit as a card (with its address), or undefined. */
export async function visitCard(db: DbOrTx, visitId: string) {
  const [card] = await visitCards(db, eq(visits.id, visitId), 1);
  return card;
}

/** The visits linked to this one (the one it follows, the ones that follow it), with their dates. */
export function linkedVisits(db: DbOrTx, visit: { id: string; afterVisitId: string | null }) {
  return db
    .select({ id: visits.id, number: visits.number, date: visits.scheduledDate, afterVisitId: visits.afterVisitId })
    .from(visits)
    .where(
      and(
        or(visit.afterVisitId ? eq(visits.id, visit.afterVisitId) : undefined, eq(visits.afterVisitId, visit.id)),
        ne(visits.status, 'cancelled'),
      ),
    );
}

/** The unplanned visits waiting for a slot, filtered as the board's queue asks. */
export function unplannedVisits(
  db: DbOrTx,
  filter: {
    pc2?: string[] | undefined;
    type?: string | undefined;
    minAgeDays?: number | undefined;
    priority?: number | undefined;
  },
  limit = 200,
) {
  const where: (SQL | undefined)[] = [
    inArray(visits.status, ['to_schedule', 'rescheduled']),
    filter.pc2 ? inArray(sql`left(${addresses.postcode}, 2)`, filter.pc2) : undefined,
    filter.type ? eq(visits.type, filter.type as WorldVisit['type']) : undefined,
    filter.minAgeDays !== undefined
      ? sql`${visits.createdAt} <= now() - make_interval(days => ${filter.minAgeDays})`
      : undefined,
    filter.priority !== undefined ? gte(visits.priority, filter.priority) : undefined,
    notInArray(orders.stage, ['cancelled', 'on_hold']),
  ];
  return visitCards(db, and(...where), limit);
}
