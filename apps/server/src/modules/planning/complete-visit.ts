import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { AppError } from '../../platform/errors.ts';
import { visits } from './planning.schema.ts';
import { lockVisitForChange, visitAudience } from './visit-for-change.ts';
import { advanceOrder } from '../orders/index.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

/** Only a visit that is planned or under way can be finished. */
const COMPLETABLE = new Set(['scheduled', 'in_progress']);

/** Marks a visit done: a technician only their own team's, staff any. */
export async function completeVisit(db: DbOrTx, actor: Actor, visitId: string) {
  return db.transaction(async (tx) => {
    const { visit, order } = await lockVisitForChange(
      tx,
      visitId,
      actor.role === 'technician' ? { teamId: actor.teamId } : 'all',
    );
    if (!COMPLETABLE.has(visit.status))
      throw new AppError(
        409,
        'visit_not_completable',
        `Een bezoek met status ${visit.status} kan niet worden afgerond`,
      );
    const completedAt = new Date();
    await tx
      .update(visits)
      .set({ status: 'completed', completedAt, lockVersion: sql`${visits.lockVersion} + 1` })
      .where(eq(visits.id, visit.id));
    await recordAudit(tx, actor, {
      action: 'visit.completed',
      subjectType: 'visit',
      subjectId: visit.id,
      before: { status: visit.status, completedAt: visit.completedAt },
      after: { status: 'completed', completedAt },
    });
    await emitEvent(tx, {
      type: 'visit.completed',
      subjectType: 'visit',
      subjectId: visit.id,
      data: {
        visitId: visit.id,
        number: visit.number,
        orderId: visit.orderId,
        orderNumber: order.number,
        date: visit.scheduledDate,
        block: visit.block,
        teamId: visit.teamId,
        completedAt: completedAt.toISOString(),
      },
      audience: visitAudience(order, visit),
    });
    // The last visit done completes the order (order-lifecycle.ts), in this transaction.
    await advanceOrder(tx, actor, visit.orderId, sentence('order.visit_done', { visit: visit.number }));
    return { id: visit.id, number: visit.number, status: 'completed' as const, completedAt: completedAt.toISOString() };
  });
}
