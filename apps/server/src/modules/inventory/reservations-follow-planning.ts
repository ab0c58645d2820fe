import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import { stockVisit } from '../../read-models/stock-visit.ts';
import { HOLDING_VISIT_STATUSES, visitMaterials, visitsOutOfStep } from '../../read-models/visit-materials.ts';
import { stockReservations } from './inventory.schema.ts';
import { releaseStockForVisit, reserveStockForVisit } from './reserve-stock-for-visit.ts';

export type ReconcileResult = { visitId: string; reserved: number; released: number; short: number };

/**
 * Brings one visit's reservations in line with planning, from the visit as it is now (not from the event
 * that woke us, so a late or repeated event cannot undo a newer change): a planned visit holds its
 * materials at the warehouse, anything else holds nothing. What is not free is left short (the visit is
 * already planned; the material check and the stock-out warnings show it) and taken by a later pass when
 * stock comes in. Calling it again changes nothing.
 */
export async function reconcileVisitReservations(tx: Tx, visitId: string): Promise<ReconcileResult> {
  const visit = await stockVisit(tx, visitId);
  const result = { visitId, reserved: 0, released: 0, short: 0 };
  if (!visit) return result;
  const holds = (HOLDING_VISIT_STATUSES as readonly string[]).includes(visit.status);
  const materials = holds ? ((await visitMaterials(tx, [visitId])).get(visitId) ?? []) : [];
  // Picked (consumed) counts as held: the visit has it, in staging or on the van.
  const held = await tx
    .select({
      productId: stockReservations.productId,
      active: sql<number>`coalesce(sum(${stockReservations.quantity}) filter (where ${stockReservations.status} = 'active'), 0)::int`,
      consumed: sql<number>`coalesce(sum(${stockReservations.quantity}) filter (where ${stockReservations.status} = 'consumed'), 0)::int`,
    })
    .from(stockReservations)
    .where(and(eq(stockReservations.visitId, visitId), inArray(stockReservations.status, ['active', 'consumed'])))
    .groupBy(stockReservations.productId);
  const heldBy = new Map(held.map((h) => [h.productId, Number(h.active) + Number(h.consumed)]));
  const wantedBy = new Map(materials.map((m) => [m.productId, m.quantity]));
  // Held beyond what is needed (a product dropped or fewer of it): free it, and take the need anew below.
  const tooMuch = held.filter((h) => h.active > 0 && heldBy.get(h.productId)! > (wantedBy.get(h.productId) ?? 0));
  if (tooMuch.length) {
    const ids = tooMuch.map((h) => h.productId);
    result.released = (await releaseStockForVisit(tx, SYSTEM_ACTOR, visitId, ids)).released;
    for (const h of tooMuch) heldBy.set(h.productId, Number(h.consumed));
  }
  // reserveStockForVisit's quantity is the visit's target of active reservations: the need less what is picked.
  const consumedBy = new Map(held.map((h) => [h.productId, Number(h.consumed)]));
  const missing = materials
    .filter((m) => (heldBy.get(m.productId) ?? 0) < m.quantity)
    .map((m) => ({ productId: m.productId, quantity: m.quantity - (consumedBy.get(m.productId) ?? 0) }));
  if (!missing.length) return result;
  const lines = await reserveStockForVisit(tx, SYSTEM_ACTOR, { visitId, lines: missing, shortfall: 'partial' });
  for (const line of lines) {
    const consumed = consumedBy.get(line.productId) ?? 0;
    result.reserved += line.reserved + consumed - (heldBy.get(line.productId) ?? 0);
    result.short += wantedBy.get(line.productId)! - consumed - line.reserved;
  }
  return result;
}

/** Reconciles the visits named, each in its own transaction, so one visit's failure does not hold up the rest. */
export async function reconcileVisits(db: Db, visitIds: string[]): Promise<ReconcileResult[]> {
  const results: ReconcileResult[] = [];
  for (const id of new Set(visitIds)) results.push(await db.transaction((tx) => reconcileVisitReservations(tx, id)));
  return results;
}

/**
 * The safety net behind the event subscriber: visits whose reservations are out of step (a change that
 * came without an event, stock that arrived for a visit left short, a visit planned before this existed)
 * are reconciled in passes of at most `limit`.
 */
export async function sweepReservations(db: Db, limit = 200): Promise<ReconcileResult[]> {
  const ids = await visitsOutOfStep(db, { from: todayInAmsterdam(), limit });
  return reconcileVisits(db, ids);
}
