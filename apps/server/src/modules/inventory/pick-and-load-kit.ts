import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { stockVisit } from '../../read-models/stock-visit.ts';
import { kitInStaging, teamStockPlaces } from '../../read-models/picking-list.ts';
import { stockPostings, stockReservations } from './inventory.schema.ts';
import { postStockMoves } from './post-stock-moves.ts';
import { stockProducts } from '../../read-models/stock-products.ts';

async function visitPlaces(tx: Tx, visitId: string) {
  const visit = await stockVisit(tx, visitId);
  if (!visit) throw notFound('Bezoek');
  if (!visit.teamId)
    throw new AppError(409, 'visit_not_planned', `Bezoek ${visit.number} is niet ingepland op een team`);
  const places = await teamStockPlaces(tx, visit.teamId);
  if (!places?.staging || !places.van)
    throw new AppError(409, 'no_staging_or_van', `Team ${places?.team.code ?? ''} heeft geen staging of bus`);
  return { visit, staging: places.staging, van: places.van };
}

/**
 * Picks what is reserved for a visit from the warehouse bins into its team's staging (the pick consumes
 * the reservations). The key is derived from the reservations picked, so a retried click posts once and a
 * later pick of what came in since posts anew.
 */
export async function pickVisit(tx: Tx, actor: Actor, visitId: string) {
  const { visit, staging } = await visitPlaces(tx, visitId);
  const reserved = await tx
    .select()
    .from(stockReservations)
    .where(and(eq(stockReservations.visitId, visitId), eq(stockReservations.status, 'active')))
    .orderBy(stockReservations.id);
  if (!reserved.length)
    throw new AppError(409, 'nothing_to_pick', `Voor ${visit.number} is niets gereserveerd om te picken`);
  const products = await stockProducts(
    tx,
    reserved.map((r) => r.productId),
  );
  const key = createHash('sha256')
    .update(reserved.map((r) => r.id).join(','))
    .digest('hex')
    .slice(0, 24);
  return postStockMoves(tx, actor, {
    idempotencyKey: `pick-${visitId}-${key}`,
    documentType: 'pick',
    documentRef: `PICK-${visit.number}`,
    visitId,
    moves: reserved.map((r) => ({
      productId: r.productId,
      quantity: r.quantity,
      // A reservation's lot is the serial of a serialised product and the batch code of a batch product.
      serialNumber: products.get(r.productId)?.tracking === 'serial' ? r.lot : null,
      batchCode: products.get(r.productId)?.tracking === 'batch' ? r.lot : null,
      fromLocationId: r.locationId,
      toLocationId: staging.id,
    })),
  });
}

export type KitCheckInput = {
  idempotencyKey: string;
  /** Every serial scanned at the checkpoint, as the scanner typed them. */
  scannedSerials: string[];
  /** The counted quantity of each product without a serial. */
  counted: { productId: string; quantity: number }[];
};

/**
 * The kit's quality checkpoint in staging, then loading onto the van: every serial of the kit must be
 * scanned and nothing else, and every other part counted at exactly what was picked. Only then is the kit
 * posted from staging to the team's van; a difference is refused (422) with what is missing or extra.
 */
export async function checkKitAndLoad(tx: Tx, actor: Actor, visitId: string, input: KitCheckInput) {
  const { visit, staging, van } = await visitPlaces(tx, visitId);
  // A retried check after the kit was loaded answers with that load instead of "no kit in staging".
  const [done] = await tx
    .select({ id: stockPostings.id, visitId: stockPostings.visitId })
    .from(stockPostings)
    .where(eq(stockPostings.idempotencyKey, input.idempotencyKey));
  if (done?.visitId === visitId) return { postingId: done.id, replayed: true, warnings: [], van: van.code };
  const kit = (await kitInStaging(tx, visitId)).filter((k) => k.locationId === staging.id);
  if (!kit.length) throw new AppError(409, 'kit_empty', `In ${staging.code} ligt geen kit voor ${visit.number}`);
  const scanned = input.scannedSerials.map((s) => s.trim()).filter(Boolean);
  const expectedSerials = new Set(kit.filter((k) => k.serialNumber).map((k) => k.serialNumber!));
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  scanned.forEach((s, i) => {
    if (!expectedSerials.has(s))
      problems.push({ field: `scannedSerials.${i}`, message: `${s} hoort niet bij deze kit` });
    else if (seen.has(s)) problems.push({ field: `scannedSerials.${i}`, message: `${s} is twee keer gescand` });
    seen.add(s);
  });
  for (const s of expectedSerials)
    if (!seen.has(s)) problems.push({ field: 'scannedSerials', message: `${s} is niet gescand` });
  const countedBy = new Map(input.counted.map((c) => [c.productId, c.quantity]));
  const bulk = new Map<string, { sku: string; quantity: number }>();
  for (const k of kit.filter((x) => !x.serialNumber)) {
    const b = bulk.get(k.productId) ?? { sku: k.sku, quantity: 0 };
    b.quantity += k.quantity;
    bulk.set(k.productId, b);
  }
  for (const [productId, b] of bulk)
    if (countedBy.get(productId) !== b.quantity)
      problems.push({
        field: `counted.${productId}`,
        message: `${b.sku}: geteld ${countedBy.get(productId) ?? 0}, gepickt ${b.quantity}`,
      });
  for (const productId of countedBy.keys())
    if (!bulk.has(productId)) problems.push({ field: `counted.${productId}`, message: 'hoort niet bij deze kit' });
  if (problems.length) throw new AppError(422, 'kit_check_failed', `De kit voor ${visit.number} klopt niet`, problems);
  const result = await postStockMoves(tx, actor, {
    idempotencyKey: input.idempotencyKey,
    documentType: 'load',
    documentRef: `KIT-${visit.number}`,
    visitId,
    moves: kit.map((k) => ({
      productId: k.productId,
      quantity: k.quantity,
      serialNumber: k.serialNumber,
      batchCode: k.batchCode,
      fromLocationId: staging.id,
      toLocationId: van.id,
    })),
  });
  return { ...result, van: van.code };
}
