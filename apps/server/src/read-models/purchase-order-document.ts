import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';
import { purchaseOrders, stockLocations } from '../modules/inventory/inventory.schema.ts';
import { getPurchaseOrder } from './stock-views.ts';

/** A purchase order as its documents (PDF, UBL Order) and its e-mail need it: lines, buyer and supplier. */
export async function purchaseOrderDocument(db: DbOrTx, id: string) {
  const po = await getPurchaseOrder(db, id);
  if (!po) return null;
  const [row] = await db
    .select({
      buyer: businessEntities,
      supplierEmail: stockLocations.contactEmail,
      supplierLanguage: stockLocations.contactLanguage,
      sentAt: purchaseOrders.sentAt,
    })
    .from(purchaseOrders)
    .innerJoin(businessEntities, eq(businessEntities.id, purchaseOrders.entityId))
    .innerJoin(stockLocations, eq(stockLocations.id, purchaseOrders.supplierLocationId))
    .where(eq(purchaseOrders.id, id));
  return {
    ...po,
    buyer: row!.buyer,
    supplierEmail: row!.supplierEmail,
    supplierLanguage: row!.supplierLanguage,
    issueDate: (row!.sentAt ?? new Date(po.createdAt)).toISOString().slice(0, 10),
  };
}
export type PurchaseOrderDocument = NonNullable<Awaited<ReturnType<typeof purchaseOrderDocument>>>;
