import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { BilingualError, invalid, notFound } from '../../platform/errors.ts';
import { orderEvents, orders } from './orders.schema.ts';
import { advanceOrder, assertStageReachable, moveOrder, type Stage } from './order-lifecycle.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

/** The forward path and its progress; on hold and cancelled leave it with a reason. */
const NEXT: Record<Stage, readonly Stage[]> = {
  new: ['materials', 'scheduled'],
  materials: ['scheduled'],
  scheduled: ['in_progress'],
  in_progress: ['completed'],
  completed: ['invoiced'],
  invoiced: ['closed'],
  closed: [],
  on_hold: [],
  cancelled: [],
};
/**
 * Where an order may go from here: the next stage on the forward path, or on hold / cancelled (with a
 * reason); from on hold only back to the stage it was paused in, which the timeline remembers.
 */
export async function allowedNextStages(db: DbOrTx, order: { id: string; stage: Stage }): Promise<Stage[]> {
  if (order.stage === 'cancelled' || order.stage === 'closed') return [];
  if (order.stage === 'on_hold') {
    const [paused] = await db
      .select({ from: orderEvents.fromStage })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.toStage, 'on_hold')))
      .orderBy(desc(orderEvents.at))
      .limit(1);
    return [(paused?.from as Stage | null) ?? 'new', 'cancelled'];
  }
  return [...NEXT[order.stage], 'on_hold', 'cancelled'];
}

/** Moves an order along its stages by hand, when its lifecycle rule holds; the timeline records each move with who and why. */
export async function changeOrderStage(
  db: Db,
  actor: Actor,
  opts: { orderId: string; stage: Stage; reason?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, opts.orderId)).for('update');
    if (!order) throw notFound('Order');
    const pausing = opts.stage === 'on_hold' || opts.stage === 'cancelled';
    if (pausing && !opts.reason)
      throw invalid([{ field: 'reason', message: 'een reden is verplicht bij on hold of annuleren' }]);
    const allowed = await allowedNextStages(tx, order);
    if (!allowed.includes(opts.stage) || order.stage === opts.stage)
      throw new BilingualError(409, 'stage_not_allowed', {
        nl: `Van ${order.stage} naar ${opts.stage} kan niet`,
        en: `An order cannot go from ${order.stage} to ${opts.stage}`,
      });
    // A stage with a lifecycle rule needs its facts (no "completed" while a visit is not done).
    if (!pausing) await assertStageReachable(tx, order.id, opts.stage);
    const moved = await moveOrder(tx, actor, order, opts.stage, opts.reason ?? null);
    // Resumed: what happened while it was on hold (a visit planned or done) moves it on now.
    if (order.stage === 'on_hold' && !pausing)
      return (await advanceOrder(tx, actor, order.id, sentence('order.resumed', {}))) ?? moved;
    return moved;
  });
}
