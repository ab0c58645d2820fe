import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { PHYSICAL_LOCATION_KINDS, stockLocations, stockMoves, stockPostings } from './inventory.schema.ts';
import { stockTransfers } from './transfers.schema.ts';
import { postStockMoves } from './post-stock-moves.ts';
import { fulfilVanRequest, lockOpenVanRequest } from './van-requests.ts';
import { inventoryErrors as e } from './inventory.errors.ts';

export type TransferInput = {
  idempotencyKey: string;
  fromLocationId: string;
  toLocationId: string;
  lines: { productId: string; quantity: number; serialNumber?: string | null; batchCode?: string | null }[];
  requestId?: string | undefined;
};

export type TransferResult = {
  id: string;
  number: string;
  status: 'in_transit' | 'received';
  viaTransit: boolean;
  replayed: boolean;
  warnings: string[];
};

// The warehouse at Nijkerk and its bins are one site; staging areas and vans are elsewhere.
const AT_WAREHOUSE = ['warehouse', 'bin'];

/**
 * Sends a transfer between two physical places with the posting service, under the caller's key: between
 * the warehouse and a staging area or van its moves go to transit (received later at the other end),
 * otherwise straight to the destination. With `requestId` it fulfils that open van request (to its van).
 * The same key again answers with the transfer it made.
 *
 * @example
 * await sendTransfer(tx, actor, { idempotencyKey: 'ovb-1', fromLocationId: warehouse, toLocationId: van,
 *   lines: [{ productId: cable, quantity: 50 }] }); // in transit until received
 */
export async function sendTransfer(tx: Tx, actor: Actor, input: TransferInput): Promise<TransferResult> {
  // The numbering lock also queues a retried request behind the first, so it finds what the first made.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('stock-transfer-number'))`);
  const [earlier] = await tx
    .select({ transfer: stockTransfers })
    .from(stockPostings)
    .leftJoin(stockTransfers, eq(stockTransfers.sendPostingId, stockPostings.id))
    .where(eq(stockPostings.idempotencyKey, input.idempotencyKey));
  if (earlier) {
    const t = earlier.transfer;
    if (!t || t.fromLocationId !== input.fromLocationId || t.toLocationId !== input.toLocationId)
      throw e.idempotencyKeyReused();
    return { id: t.id, number: t.number, status: t.status, viaTransit: t.viaTransit, replayed: true, warnings: [] };
  }

  const places = await tx
    .select({ id: stockLocations.id, kind: stockLocations.kind, active: stockLocations.active })
    .from(stockLocations)
    .where(inArray(stockLocations.id, [input.fromLocationId, input.toLocationId]));
  const from = places.find((p) => p.id === input.fromLocationId);
  const to = places.find((p) => p.id === input.toLocationId);
  const physical = (p: typeof from) => p && p.active && (PHYSICAL_LOCATION_KINDS as readonly string[]).includes(p.kind);
  if (!physical(from)) throw e.notPhysical('fromLocationId');
  if (!physical(to)) throw e.notPhysical('toLocationId');
  if (from!.id === to!.id) throw e.wrongDocument('Van- en naar-locatie zijn dezelfde', 'toLocationId');
  if (input.requestId) await lockOpenVanRequest(tx, input.requestId, to!.id);
  const viaTransit = AT_WAREHOUSE.includes(from!.kind) !== AT_WAREHOUSE.includes(to!.kind);
  const transit = viaTransit ? await transitLocation(tx) : null;

  const year = new Date().getUTCFullYear();
  const prefix = `OVB-${year}-`;
  const [last] = await tx
    .select({ number: stockTransfers.number })
    .from(stockTransfers)
    .where(like(stockTransfers.number, `${prefix}%`))
    .orderBy(desc(stockTransfers.number))
    .limit(1);
  const number = `${prefix}${String(last ? Number(last.number.slice(prefix.length)) + 1 : 1).padStart(6, '0')}`;
  const posting = await postStockMoves(tx, actor, {
    idempotencyKey: input.idempotencyKey,
    documentType: 'transfer',
    documentRef: number,
    moves: input.lines.map((l) => ({
      ...l,
      fromLocationId: from!.id,
      toLocationId: transit ?? to!.id,
    })),
  });
  const [transfer] = await tx
    .insert(stockTransfers)
    .values({
      number,
      fromLocationId: from!.id,
      toLocationId: to!.id,
      viaTransit,
      status: viaTransit ? 'in_transit' : 'received',
      sendPostingId: posting.postingId,
      createdBy: actor.userId,
      receivedAt: viaTransit ? null : new Date(),
    })
    .returning();
  if (input.requestId) await fulfilVanRequest(tx, actor, input.requestId, transfer!.id);
  await recordAudit(tx, actor, {
    action: 'stock.transfer.send',
    subjectType: 'stock_transfer',
    subjectId: transfer!.id,
    after: { number, viaTransit, requestId: input.requestId ?? null },
  });
  return {
    id: transfer!.id,
    number,
    status: transfer!.status,
    viaTransit,
    replayed: false,
    warnings: posting.warnings,
  };
}

/**
 * Receives a transfer in transit at its destination: the send posting's moves again, from transit to
 * there. Receiving it twice answers with the first receipt.
 */
export async function receiveTransfer(tx: Tx, actor: Actor, id: string): Promise<TransferResult> {
  const [transfer] = await tx.select().from(stockTransfers).where(eq(stockTransfers.id, id)).for('update');
  if (!transfer) throw notFound('Overboeking', 'Transfer');
  const answer = (replayed: boolean, warnings: string[] = []): TransferResult => ({
    id,
    number: transfer.number,
    status: 'received',
    viaTransit: transfer.viaTransit,
    replayed,
    warnings,
  });
  if (transfer.status === 'received') return answer(true);
  const moves = await tx
    .select()
    .from(stockMoves)
    .where(eq(stockMoves.postingId, transfer.sendPostingId))
    .orderBy(asc(stockMoves.id));
  const posting = await postStockMoves(tx, actor, {
    idempotencyKey: `transfer-receive-${id}`,
    documentType: 'transfer',
    documentRef: transfer.number,
    moves: moves.map((m) => ({
      productId: m.productId,
      quantity: m.quantity,
      serialNumber: m.serialNumber,
      batchCode: m.batchCode,
      fromLocationId: m.toLocationId,
      toLocationId: transfer.toLocationId,
    })),
  });
  await tx
    .update(stockTransfers)
    .set({ status: 'received', receivePostingId: posting.postingId, receivedAt: new Date() })
    .where(and(eq(stockTransfers.id, id), eq(stockTransfers.status, 'in_transit')));
  await recordAudit(tx, actor, {
    action: 'stock.transfer.receive',
    subjectType: 'stock_transfer',
    subjectId: id,
    after: { number: transfer.number },
  });
  return answer(false, posting.warnings);
}

async function transitLocation(tx: Tx) {
  const [transit] = await tx
    .select({ id: stockLocations.id })
    .from(stockLocations)
    .where(and(eq(stockLocations.kind, 'transit'), eq(stockLocations.active, true)))
    .orderBy(stockLocations.code)
    .limit(1);
  if (!transit)
    throw new AppError(
      409,
      'no_transit_location',
      'Er is geen transitlocatie om de overboeking door te laten gaan',
      undefined,
      {
        message: 'There is no transit location for the transfer to go through',
      },
    );
  return transit.id;
}
