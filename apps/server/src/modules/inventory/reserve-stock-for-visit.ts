import { and, eq, inArray, sql } from 'drizzle-orm';
import { rawRows } from '../../platform/db/raw-rows.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { stockProducts } from '../../read-models/stock-products.ts';
import { stockVisit } from '../../read-models/stock-visit.ts';
import { stockBalances, stockLocations, stockReservations } from './inventory.schema.ts';
import { inventoryErrors as e } from './inventory.errors.ts';

export type ReserveInput = {
  visitId: string;
  /** The warehouse (its bins count with it); the main warehouse when left out. */
  locationId?: string | undefined;
  lines: { productId: string; quantity: number }[];
  /** `partial`: hold what is free and leave the rest short (planning has already happened); default refuse. */
  shortfall?: 'refuse' | 'partial';
};

/** What the visit holds of the product after the call. */
export type ReservationLine = { productId: string; reserved: number };

/**
 * Holds materials for a planned visit at the warehouse. The quantity asked is the visit's target: asking
 * again for what it already holds reserves nothing more, so a retried request is harmless. Every balance
 * row of the product at the warehouse is locked FOR UPDATE before counting what is free, so concurrent
 * reservations queue there and never share a unit; one that finds too little gets 409
 * `insufficient_stock` and changes nothing.
 */
export async function reserveStockForVisit(tx: Tx, actor: Actor, input: ReserveInput): Promise<ReservationLine[]> {
  if (!(await stockVisit(tx, input.visitId))) throw notFound('Bezoek');
  const warehouse = await warehouseOf(tx, input.locationId);
  const products = await stockProducts(
    tx,
    input.lines.map((l) => l.productId),
  );
  const result: ReservationLine[] = [];
  let changed = false;
  const sortedLines = [...input.lines].sort((a, b) => (a.productId < b.productId ? -1 : 1));
  for (const [i, line] of sortedLines.entries()) {
    const product = products.get(line.productId);
    if (!product) throw e.unknownProduct(`lines.${i}.productId`);
    if (!Number.isInteger(line.quantity) || line.quantity <= 0)
      throw e.wrongDocument('Een hoeveelheid is een geheel getal groter dan 0', `lines.${i}.quantity`);
    const rows = await rawRows<{ location_id: string; lot: string; free: number }>(
      tx,
      sql`select b.location_id, b.lot, b.on_hand - b.reserved as free from ${stockBalances} b
          join ${stockLocations} l on l.id = b.location_id
          where b.product_id = ${line.productId} and (l.id = ${warehouse.id} or l.parent_id = ${warehouse.id})
          order by b.location_id, b.lot
          for update of b`,
    );
    const [held] = await tx
      .select({ n: sql<number>`coalesce(sum(${stockReservations.quantity}), 0)::int` })
      .from(stockReservations)
      .where(
        and(
          eq(stockReservations.visitId, input.visitId),
          eq(stockReservations.productId, line.productId),
          eq(stockReservations.status, 'active'),
        ),
      );
    let wanted = line.quantity - (held?.n ?? 0);
    if (wanted <= 0) {
      result.push({ productId: line.productId, reserved: held?.n ?? 0 });
      continue;
    }
    const free = rows.reduce((a, r) => a + Math.max(0, r.free), 0);
    if (free < wanted) {
      if (input.shortfall !== 'partial') throw e.insufficientStock(product.name, warehouse.code, free);
      wanted = free;
    }
    const reserved = (held?.n ?? 0) + wanted;
    for (const r of rows) {
      if (wanted === 0) break;
      const take = Math.min(wanted, Math.max(0, r.free));
      if (!take) continue;
      wanted -= take;
      changed = true;
      await tx
        .update(stockBalances)
        .set({ reserved: sql`${stockBalances.reserved} + ${take}` })
        .where(
          and(
            eq(stockBalances.productId, line.productId),
            eq(stockBalances.locationId, r.location_id),
            eq(stockBalances.lot, r.lot),
          ),
        );
      await tx.insert(stockReservations).values({
        visitId: input.visitId,
        productId: line.productId,
        locationId: r.location_id,
        lot: r.lot,
        quantity: take,
      });
    }
    result.push({ productId: line.productId, reserved });
  }
  // Only what changed is audited: the sweep asks again for short visits every pass.
  if (changed)
    await recordAudit(tx, actor, {
      action: 'stock.reserve',
      subjectType: 'visit',
      subjectId: input.visitId,
      after: result,
    });
  return result;
}

/** Unplanning a visit frees what it held (of the products named, or all); releasing twice frees nothing twice. */
export async function releaseStockForVisit(
  tx: Tx,
  actor: Actor,
  visitId: string,
  productIds?: string[],
): Promise<{ released: number }> {
  const held = await tx
    .select()
    .from(stockReservations)
    .where(
      and(
        eq(stockReservations.visitId, visitId),
        eq(stockReservations.status, 'active'),
        productIds ? inArray(stockReservations.productId, productIds) : undefined,
      ),
    )
    .orderBy(stockReservations.productId, stockReservations.locationId, stockReservations.lot)
    .for('update');
  for (const r of held)
    await tx
      .update(stockBalances)
      .set({ reserved: sql`${stockBalances.reserved} - ${r.quantity}` })
      .where(
        and(
          eq(stockBalances.productId, r.productId),
          eq(stockBalances.locationId, r.locationId),
          eq(stockBalances.lot, r.lot),
        ),
      );
  if (held.length) {
    await tx
      .update(stockReservations)
      .set({ status: 'released', closedAt: new Date() })
      .where(
        inArray(
          stockReservations.id,
          held.map((r) => r.id),
        ),
      );
    await recordAudit(tx, actor, { action: 'stock.release', subjectType: 'visit', subjectId: visitId });
  }
  return { released: held.reduce((a, r) => a + r.quantity, 0) };
}

/** The location a reservation is held at: the one asked for, or the main warehouse (a warehouse without a parent). */
export async function warehouseOf(tx: Tx, locationId?: string) {
  const [loc] = await tx
    .select({ id: stockLocations.id, code: stockLocations.code, kind: stockLocations.kind })
    .from(stockLocations)
    .where(
      locationId
        ? eq(stockLocations.id, locationId)
        : sql`${stockLocations.kind} = 'warehouse' and ${stockLocations.parentId} is null`,
    )
    .orderBy(stockLocations.code)
    .limit(1);
  if (!loc) throw e.unknownLocation('locationId');
  if (loc.kind !== 'warehouse' && loc.kind !== 'staging')
    throw e.wrongDocument('Reserveren kan alleen in het magazijn of in staging', 'locationId');
  return loc;
}
