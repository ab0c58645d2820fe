import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { orderEvents, orderMilestones, orders, type MILESTONES, type ORDER_STAGES } from './orders.schema.ts';

type Stage = (typeof ORDER_STAGES)[number];

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
export const PROGRESS: Record<Stage, number> = {
  new: 5,
  materials: 20,
  scheduled: 35,
  in_progress: 60,
  completed: 85,
  invoiced: 95,
  closed: 100,
  on_hold: 0,
  cancelled: 0,
};
const MILESTONE_OF: Partial<Record<Stage, (typeof MILESTONES)[number]>> = {
  materials: 'materials_ready',
  scheduled: 'visit_scheduled',
  completed: 'installation_done',
  invoiced: 'invoiced',
  closed: 'paid',
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

/** Moves an order along its stages; the timeline records each move with who and why. */
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
      throw new AppError(409, 'stage_not_allowed', `Van ${order.stage} naar ${opts.stage} kan niet`);
    const progress = pausing ? order.progress : Math.max(order.progress, PROGRESS[opts.stage]);
    const now = new Date();
    await tx
      .update(orders)
      .set({
        stage: opts.stage,
        stageReason: pausing ? opts.reason! : null,
        progress,
        updatedAt: now,
        ...(opts.stage === 'completed' ? { completedAt: now } : {}),
      })
      .where(eq(orders.id, order.id));
    const milestone = MILESTONE_OF[opts.stage];
    if (milestone)
      await tx
        .update(orderMilestones)
        .set({ reachedAt: now })
        .where(
          and(
            eq(orderMilestones.orderId, order.id),
            eq(orderMilestones.code, milestone),
            isNull(orderMilestones.reachedAt),
          ),
        );
    await tx.insert(orderEvents).values({
      orderId: order.id,
      kind: 'stage_changed',
      fromStage: order.stage,
      toStage: opts.stage,
      reason: opts.reason ?? null,
      actorName: actor.name,
    });
    await recordAudit(tx, actor, {
      action: 'order.stage_changed',
      subjectType: 'order',
      subjectId: order.id,
      before: { stage: order.stage },
      after: { stage: opts.stage, reason: opts.reason ?? null },
    });
    const audience = { partnerId: order.partnerId, customerId: order.customerId };
    await emitEvent(tx, {
      type: 'order.stage_changed',
      subjectType: 'order',
      subjectId: order.id,
      data: { number: order.number, from: order.stage, to: opts.stage },
      audience,
    });
    // Partners subscribe to completion itself (a webhook event type), not to every stage change.
    if (opts.stage === 'completed')
      await emitEvent(tx, {
        type: 'order.completed',
        subjectType: 'order',
        subjectId: order.id,
        data: { number: order.number },
        audience,
      });
    return { id: order.id, stage: opts.stage, progress };
  });
}
