import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { actorNameIn, type Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { orderEvents, orders } from './orders.schema.ts';
import { orderScope } from './order-scope.ts';
import { readStored } from '../../platform/sentences/sentences.ts';

/** The order's history, oldest first, for whoever may see the order, in the reader's language. */
export async function orderTimeline(db: DbOrTx, actor: Actor, orderId: string, language: 'nl' | 'en' = 'nl') {
  const [visible] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, orderId), orderScope(actor)));
  if (!visible) throw notFound('Order');
  const rows = await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.at));
  return rows.map((e) => ({
    at: e.at.toISOString(),
    kind: e.kind,
    fromStage: e.fromStage,
    toStage: e.toStage,
    reason: readStored({ code: e.reasonCode, params: e.reasonParams, text: e.reason, textEn: e.reasonEn }, language),
    actorName: actorNameIn(e.actorName, language),
  }));
}
