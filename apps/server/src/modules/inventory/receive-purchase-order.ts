import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { stockPostings } from './inventory.schema.ts';
import { inventoryErrors as e } from './inventory.errors.ts';
import { lockPurchaseOrder, markReceived } from './purchase-orders.ts';
import { type MoveInput, postStockMoves } from './post-stock-moves.ts';

export type ReceiptInput = {
  idempotencyKey: string;
  lines: {
    productId: string;
    quantity: number;
    serialNumbers?: string[] | undefined;
    batchCode?: string | null | undefined;
  }[];
};

/**
 * Goods receipt against a sent purchase order: partial deliveries are fine, more than is still open is
 * refused (422 `over_receipt`) rather than accepted with a warning, because an unordered unit has no
 * price or supplier agreement behind it; the warehouse books it as a separate order. Serialised products
 * list one serial per unit. The order is locked first, so two receipts of one order count in turn.
 */
export async function receivePurchaseOrder(tx: Tx, actor: Actor, purchaseOrderId: string, input: ReceiptInput) {
  const { po, lines } = await lockPurchaseOrder(tx, purchaseOrderId);
  const [earlier] = await tx
    .select({ id: stockPostings.id })
    .from(stockPostings)
    .where(eq(stockPostings.idempotencyKey, input.idempotencyKey));
  const moves: MoveInput[] = [];
  const received = new Map<string, number>();
  input.lines.forEach((l, i) => {
    const field = `lines.${i}`;
    const line = lines.find((x) => x.productId === l.productId);
    if (!line) throw e.notOnPurchaseOrder(`${field}.productId`);
    if (!Number.isInteger(l.quantity) || l.quantity <= 0)
      throw e.wrongDocument('Een hoeveelheid is een geheel getal groter dan 0', `${field}.quantity`);
    const open = line.quantityOrdered - line.quantityReceived - (received.get(l.productId) ?? 0);
    if (!earlier && l.quantity > open) throw e.overReceipt(`${field}.quantity`, open);
    received.set(l.productId, (received.get(l.productId) ?? 0) + l.quantity);
    const serials = l.serialNumbers?.map((s) => s.trim()).filter(Boolean) ?? [];
    if (serials.length && serials.length !== l.quantity)
      throw e.wrongDocument('Geef precies één serienummer per ontvangen stuk', `${field}.serialNumbers`);
    const base = {
      productId: l.productId,
      batchCode: l.batchCode ?? null,
      fromLocationId: po.supplierLocationId,
      toLocationId: po.destinationLocationId,
    };
    if (serials.length) for (const serialNumber of serials) moves.push({ ...base, quantity: 1, serialNumber });
    else moves.push({ ...base, quantity: l.quantity });
  });
  if (!earlier && po.status !== 'sent' && po.status !== 'partly_received')
    throw e.purchaseOrderNotReceivable(po.status);
  const posting = await postStockMoves(tx, actor, {
    idempotencyKey: input.idempotencyKey,
    documentType: 'purchase_receipt',
    documentRef: po.number,
    moves,
  });
  const status = posting.replayed
    ? (await lockPurchaseOrder(tx, purchaseOrderId)).po.status
    : await markReceived(tx, purchaseOrderId, received);
  return { ...posting, status };
}
