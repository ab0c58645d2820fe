import { and, asc, desc, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { addresses, customers } from '../modules/crm/crm.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { teams, visits } from '../modules/planning/planning.schema.ts';
import { type FIELD_CASE_KINDS, fieldCases } from '../modules/mobile/mobile.schema.ts';

/** The visit ops open from an order or a case: its place in the plan, its order, customer and address. */
export async function visitResultHeader(db: DbOrTx, visitId: string) {
  const [row] = await db
    .select({
      number: visits.number,
      type: visits.type,
      status: visits.status,
      date: visits.scheduledDate,
      block: visits.block,
      teamName: teams.name,
      orderId: visits.orderId,
      orderNumber: orders.number,
      customerName: customers.name,
      street: addresses.street,
      houseNumber: addresses.houseNumber,
      houseNumberAddition: addresses.houseNumberAddition,
      postcode: addresses.postcode,
      city: addresses.city,
    })
    .from(visits)
    .innerJoin(orders, eq(orders.id, visits.orderId))
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .leftJoin(teams, eq(teams.id, visits.teamId))
    .where(eq(visits.id, visitId));
  if (!row) return null;
  const { street, houseNumber, houseNumberAddition, postcode, city, ...visit } = row;
  return { ...visit, address: `${street} ${houseNumber}${houseNumberAddition ?? ''}, ${postcode} ${city}` };
}

/**
 * Open field cases, newest first, with the visit's day, team and customer, optionally of one kind or of
 * one team's visits (at most 200: a list ops work through, not an archive).
 */
export async function openFieldCaseRows(
  db: DbOrTx,
  filter: { kind?: FieldCaseKind | undefined; teamId?: string | undefined },
) {
  return db
    .select({
      id: fieldCases.id,
      visitId: fieldCases.visitId,
      visitNumber: visits.number,
      kind: fieldCases.kind,
      field: fieldCases.field,
      winner: fieldCases.winner,
      loser: fieldCases.loser,
      createdAt: fieldCases.createdAt,
      visitDate: visits.scheduledDate,
      teamId: visits.teamId,
      teamName: teams.name,
      customerName: customers.name,
    })
    .from(fieldCases)
    .innerJoin(visits, eq(visits.id, fieldCases.visitId))
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .leftJoin(teams, eq(teams.id, visits.teamId))
    .where(
      and(
        isNull(fieldCases.resolvedAt),
        filter.kind ? eq(fieldCases.kind, filter.kind) : undefined,
        filter.teamId ? eq(visits.teamId, filter.teamId) : undefined,
      ),
    )
    .orderBy(desc(fieldCases.createdAt), asc(fieldCases.id))
    .limit(200);
}
type FieldCaseKind = (typeof FIELD_CASE_KINDS)[number];

/** Names of teams by id (the team a phone was registered for). */
export async function teamNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(inArray(teams.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The team's planned visits between two days, oldest first: where its quality items can be. */
export async function teamVisitsBetween(db: DbOrTx, teamId: string, from: string, to: string) {
  return db
    .select({
      id: visits.id,
      number: visits.number,
      type: visits.type,
      date: visits.scheduledDate,
      customerName: customers.name,
    })
    .from(visits)
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .where(
      and(
        eq(visits.teamId, teamId),
        gte(visits.scheduledDate, from),
        lte(visits.scheduledDate, to),
        ne(visits.status, 'to_schedule'),
      ),
    )
    .orderBy(asc(visits.scheduledDate), asc(visits.number));
}
