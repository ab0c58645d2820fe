import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { storeEmail } from '../../platform/mail.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { formatDutchDate } from '../../platform/calendar.ts';
import { purchaseOrderDocument } from '../../read-models/purchase-order-document.ts';
import { purchaseOrderUbl } from './purchase-order-ubl.ts';
import { renderPurchaseOrderPdf } from './render-purchase-order-pdf.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { stockProducts } from '../../read-models/stock-products.ts';
import { purchaseOrderLines, purchaseOrders, stockLocations } from './inventory.schema.ts';
import { inventoryErrors as e } from './inventory.errors.ts';
import { warehouseOf } from './reserve-stock-for-visit.ts';

export type CreatePurchaseOrderInput = {
  entityId: string;
  supplierLocationId: string;
  destinationLocationId?: string | undefined;
  expectedOn?: string | null | undefined;
  lines: { productId: string; quantity: number; unitCostCents?: number | undefined }[];
};

/** The delivery wanted, as the supplier's order desk reads it. */
const deliverBy = (expectedOn: string | null, language: 'nl' | 'en') =>
  expectedOn
    ? language === 'nl'
      ? `uiterlijk ${formatDutchDate(expectedOn)}`
      : `by ${expectedOn}`
    : language === 'nl'
      ? 'zo snel mogelijk'
      : 'as soon as possible';

/** A draft order to a supplier, numbered IO-<year>-<6 digits> under an advisory lock (no two share one). */
export async function createPurchaseOrder(tx: Tx, actor: Actor, input: CreatePurchaseOrderInput) {
  const [supplier] = await tx
    .select({ kind: stockLocations.kind })
    .from(stockLocations)
    .where(eq(stockLocations.id, input.supplierLocationId));
  if (!supplier || (supplier.kind !== 'supplier' && supplier.kind !== 'partner'))
    throw e.unknownLocation('supplierLocationId');
  const destination = await warehouseOf(tx, input.destinationLocationId);
  if (!input.lines.length) throw e.wrongDocument('Een inkooporder heeft ten minste één regel', 'lines');
  const products = await stockProducts(
    tx,
    input.lines.map((l) => l.productId),
  );
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    if (!products.has(l.productId)) throw e.unknownProduct(`lines.${i}.productId`);
    if (seen.has(l.productId)) throw e.wrongDocument('Elk product één keer per inkooporder', `lines.${i}.productId`);
    seen.add(l.productId);
    if (!Number.isInteger(l.quantity) || l.quantity <= 0)
      throw e.wrongDocument('Een hoeveelheid is een geheel getal groter dan 0', `lines.${i}.quantity`);
  });
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('purchase-order-number'))`);
  const year = new Date().getUTCFullYear();
  const prefix = `IO-${year}-`;
  const [last] = await tx
    .select({ number: purchaseOrders.number })
    .from(purchaseOrders)
    .where(like(purchaseOrders.number, `${prefix}%`))
    .orderBy(desc(purchaseOrders.number))
    .limit(1);
  const next = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  const [po] = await tx
    .insert(purchaseOrders)
    .values({
      number: `${prefix}${String(next).padStart(6, '0')}`,
      entityId: input.entityId,
      supplierLocationId: input.supplierLocationId,
      destinationLocationId: destination.id,
      expectedOn: input.expectedOn ?? null,
    })
    .returning();
  await tx.insert(purchaseOrderLines).values(
    input.lines.map((l) => ({
      purchaseOrderId: po!.id,
      productId: l.productId,
      quantityOrdered: l.quantity,
      unitCostCents: l.unitCostCents ?? 0,
    })),
  );
  await recordAudit(tx, actor, {
    action: 'purchase_order.create',
    subjectType: 'purchase_order',
    subjectId: po!.id,
    after: po,
  });
  return po!;
}

/**
 * Draft to sent, or anything not yet received to cancelled. Sending puts the e-mail to the supplier's order
 * desk, with the PDF and the UBL Order attached, in the mail outbox in the same transaction; a supplier
 * without an address is marked sent without one (the warehouse sent it another way) and the answer says so.
 */
export async function changePurchaseOrderStatus(tx: Tx, actor: Actor, id: string, to: 'sent' | 'cancelled') {
  const [po] = await tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)).for('update');
  if (!po) throw notFound('Inkooporder');
  const allowed = to === 'sent' ? po.status === 'draft' : po.status === 'draft' || po.status === 'sent';
  if (!allowed) throw e.purchaseOrderNotEditable(po.status);
  await tx
    .update(purchaseOrders)
    .set({ status: to, ...(to === 'sent' ? { sentAt: new Date() } : {}) })
    .where(eq(purchaseOrders.id, id));
  await recordAudit(tx, actor, {
    action: `purchase_order.${to}`,
    subjectType: 'purchase_order',
    subjectId: id,
    before: { status: po.status },
    after: { status: to },
  });
  if (to !== 'sent') return { emailId: null };
  const doc = (await purchaseOrderDocument(tx, id))!;
  if (!doc.supplierEmail) return { emailId: null };
  // The attached PDF in the language of the mail it comes with.
  const pdf = await renderPurchaseOrderPdf(doc, doc.supplierLanguage);
  const emailId = await storeEmail(tx, {
    to: doc.supplierEmail,
    ...(await renderMessage(tx, {
      type: 'purchase_order',
      language: doc.supplierLanguage,
      brand: doc.buyer,
      values: {
        supplierName: doc.supplier,
        poNumber: doc.number,
        deliverBy: deliverBy(doc.expectedOn, doc.supplierLanguage),
        buyerName: doc.buyer.name,
        buyerLegalName: doc.buyer.legalName,
      },
    })),
    attachments: [
      { filename: `${doc.number}.pdf`, contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
      {
        filename: `${doc.number}.xml`,
        contentType: 'application/xml',
        contentBase64: Buffer.from(purchaseOrderUbl(doc)).toString('base64'),
      },
    ],
  });
  return { emailId };
}

export async function lockPurchaseOrder(tx: Tx, id: string) {
  const [po] = await tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)).for('update');
  if (!po) throw notFound('Inkooporder');
  const lines = await tx
    .select()
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.purchaseOrderId, id))
    .for('update');
  return { po, lines };
}

export async function markReceived(tx: Tx, id: string, received: Map<string, number>) {
  const { lines } = await lockPurchaseOrder(tx, id);
  for (const l of lines) {
    const add = received.get(l.productId) ?? 0;
    if (add)
      await tx
        .update(purchaseOrderLines)
        .set({ quantityReceived: l.quantityReceived + add })
        .where(and(eq(purchaseOrderLines.id, l.id)));
  }
  const open = lines.some((l) => l.quantityReceived + (received.get(l.productId) ?? 0) < l.quantityOrdered);
  const status = open ? 'partly_received' : 'received';
  await tx.update(purchaseOrders).set({ status }).where(eq(purchaseOrders.id, id));
  return status;
}
