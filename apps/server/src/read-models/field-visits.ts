import { and, asc, eq, gte, inArray, lte, max, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { outboxEvents } from '../platform/events/events.schema.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';
import { addresses, customers } from '../modules/crm/crm.schema.ts';
import { orderLines, orders } from '../modules/orders/orders.schema.ts';
import { visits } from '../modules/planning/planning.schema.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import { stockBalances, stockLocations } from '../modules/inventory/inventory.schema.ts';

/**
 * What the technician app needs of a team's visits in a date window (route order: day, day part,
 * number), with the customer, the address and the order's lines. Visits not yet planned are left out.
 */
export async function teamFieldVisits(db: DbOrTx, teamId: string, from: string, to: string) {
  const rows = await db
    .select({
      id: visits.id,
      number: visits.number,
      type: visits.type,
      status: visits.status,
      date: visits.scheduledDate,
      block: visits.block,
      durationMinutes: visits.durationMinutes,
      instructions: visits.instructions,
      orderId: visits.orderId,
      orderNumber: orders.number,
      customerName: customers.name,
      phone: customers.phone,
      street: addresses.street,
      houseNumber: addresses.houseNumber,
      houseNumberAddition: addresses.houseNumberAddition,
      postcode: addresses.postcode,
      city: addresses.city,
      lat: addresses.lat,
      lon: addresses.lon,
    })
    .from(visits)
    .innerJoin(orders, eq(orders.id, visits.orderId))
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .where(
      and(
        eq(visits.teamId, teamId),
        gte(visits.scheduledDate, from),
        lte(visits.scheduledDate, to),
        ne(visits.status, 'to_schedule'),
      ),
    )
    .orderBy(asc(visits.scheduledDate), sql`case ${visits.block} when 'morning' then 0 else 1 end`, asc(visits.number));
  const orderIds = [...new Set(rows.map((r) => r.orderId))];
  const lines = orderIds.length
    ? await db
        .select({
          orderId: orderLines.orderId,
          description: orderLines.description,
          descriptionEn: orderLines.descriptionEn,
          quantity: orderLines.quantity,
          productId: orderLines.productId,
        })
        .from(orderLines)
        .where(inArray(orderLines.orderId, orderIds))
        .orderBy(asc(orderLines.orderId), asc(orderLines.position))
    : [];
  return rows.map((r) => ({
    ...r,
    lines: lines
      .filter((l) => l.orderId === r.orderId)
      .map((l) => ({
        description: l.description,
        descriptionEn: l.descriptionEn,
        quantity: l.quantity,
        productId: l.productId,
      })),
  }));
}

/** A visit's version: the id of its latest event in the outbox (0 when it has none). */
export async function visitVersions(db: DbOrTx, visitIds: string[]): Promise<Map<string, number>> {
  if (!visitIds.length) return new Map();
  const rows = await db
    .select({ id: outboxEvents.subjectId, version: max(outboxEvents.id) })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.subjectType, 'visit'), inArray(outboxEvents.subjectId, visitIds)))
    .groupBy(outboxEvents.subjectId);
  return new Map(rows.map((r) => [r.id, Number(r.version ?? 0)]));
}

/** The outbox's newest event id: the cursor a sync hands out when it begins reading. */
export async function newestEventId(db: DbOrTx): Promise<number> {
  const [last] = await db.select({ id: max(outboxEvents.id) }).from(outboxEvents);
  return Number(last?.id ?? 0);
}

/** What a technician's command needs of its visit: status and team, and the customer and brand for the report. */
function commandVisits(tx: DbOrTx) {
  return tx
    .select({
      id: visits.id,
      number: visits.number,
      type: visits.type,
      status: visits.status,
      teamId: visits.teamId,
      date: visits.scheduledDate,
      customerId: visits.customerId,
      customerName: customers.name,
      customerEmail: customers.email,
      brand: businessEntities,
      street: addresses.street,
      houseNumber: addresses.houseNumber,
      houseNumberAddition: addresses.houseNumberAddition,
      postcode: addresses.postcode,
      city: addresses.city,
      orderNumber: orders.number,
    })
    .from(visits)
    .innerJoin(orders, eq(orders.id, visits.orderId))
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .innerJoin(businessEntities, eq(businessEntities.id, visits.entityId));
}

/** The visit a technician's command is about, locked for the command's transaction, with its customer. */
export async function fieldVisitForCommand(tx: DbOrTx, visitId: string) {
  const [row] = await commandVisits(tx).where(eq(visits.id, visitId)).for('update', { of: visits });
  return row ?? null;
}

/**
 * The visits of a batch of commands, locked for the batch's transaction in the order of their ids, so
 * two batches naming the same visits in another order wait for each other instead of deadlocking.
 */
export async function fieldVisitsForCommands(tx: DbOrTx, visitIds: string[]) {
  if (!visitIds.length) return new Map<string, FieldVisitOfCommand>();
  const rows = await commandVisits(tx)
    .where(inArray(visits.id, [...new Set(visitIds)]))
    .orderBy(asc(visits.id))
    .for('update', { of: visits });
  return new Map(rows.map((r) => [r.id, r]));
}
export type FieldVisitOfCommand = NonNullable<Awaited<ReturnType<typeof fieldVisitForCommand>>>;

/** The team's van and the customers' virtual location: the two ends of a part used on a visit. */
export async function installationLocations(db: DbOrTx, teamId: string) {
  const rows = await db
    .select({ id: stockLocations.id, kind: stockLocations.kind, teamId: stockLocations.teamId })
    .from(stockLocations)
    .where(
      and(
        eq(stockLocations.active, true),
        sql`(${stockLocations.kind} = 'van' and ${stockLocations.teamId} = ${teamId}) or ${stockLocations.kind} = 'customer'`,
      ),
    )
    .orderBy(asc(stockLocations.code));
  return {
    vanId: rows.find((r) => r.kind === 'van')?.id ?? null,
    customerId: rows.find((r) => r.kind === 'customer')?.id ?? null,
  };
}

/** What is on the team's van now, per product and lot (each serial its own line). */
export async function teamVanStock(db: DbOrTx, teamId: string) {
  const rows = await db
    .select({
      productId: stockBalances.productId,
      sku: products.sku,
      name: products.name,
      nameEn: products.nameEn,
      serialised: products.serialised,
      lot: stockBalances.lot,
      onHand: stockBalances.onHand,
    })
    .from(stockBalances)
    .innerJoin(stockLocations, eq(stockLocations.id, stockBalances.locationId))
    .innerJoin(products, eq(products.id, stockBalances.productId))
    .where(and(eq(stockLocations.kind, 'van'), eq(stockLocations.teamId, teamId), ne(stockBalances.onHand, 0)))
    .orderBy(asc(products.name), asc(stockBalances.lot));
  return rows;
}

/** Names of products in both languages, for what the app shows of parts used. */
export async function productNames(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { name: string; nameEn: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: products.id, name: products.name, nameEn: products.nameEn })
    .from(products)
    .where(inArray(products.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { name: r.name, nameEn: r.nameEn }]));
}

/** Who a visit belongs to, for deciding who may see what the team recorded on it. */
export async function visitOwners(db: DbOrTx, visitId: string) {
  const [row] = await db
    .select({ id: visits.id, number: visits.number, teamId: visits.teamId, customerId: visits.customerId })
    .from(visits)
    .where(eq(visits.id, visitId));
  return row ?? null;
}
