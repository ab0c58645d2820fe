import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { BilingualError } from '../../platform/errors.ts';
import { advanceOrder } from '../orders/index.ts';
import { visits } from './planning.schema.ts';
import { lockVisitForChange, visitAudience } from './visit-for-change.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

/** The technician arrives and starts a planned visit: a technician only their own team's, staff any. */
export async function startVisit(db: DbOrTx, actor: Actor, visitId: string) {
  return db.transaction(async (tx) => {
    const { visit, order } = await lockVisitForChange(
      tx,
      visitId,
      actor.role === 'technician' ? { teamId: actor.teamId } : 'all',
    );
    if (visit.status !== 'scheduled')
      throw new BilingualError(409, 'visit_not_startable', {
        nl: `Alleen een ingepland bezoek kan worden gestart; dit bezoek is ${visit.status}`,
        en: `Only a planned visit can be started; this visit is ${visit.status}`,
      });
    const startedAt = new Date();
    await tx
      .update(visits)
      .set({ status: 'in_progress', lockVersion: sql`${visits.lockVersion} + 1` })
      .where(eq(visits.id, visit.id));
    await recordAudit(tx, actor, {
      action: 'visit.started',
      subjectType: 'visit',
      subjectId: visit.id,
      before: { status: visit.status },
      after: { status: 'in_progress', startedAt },
    });
    await emitEvent(tx, {
      type: 'visit.started',
      subjectType: 'visit',
      subjectId: visit.id,
      data: {
        visitId: visit.id,
        number: visit.number,
        orderId: visit.orderId,
        orderNumber: order.number,
        date: visit.scheduledDate,
        teamId: visit.teamId,
        startedAt: startedAt.toISOString(),
      },
      audience: visitAudience(order, visit),
    });
    // The first visit started puts the order in progress (order-lifecycle.ts), in this transaction.
    await advanceOrder(
      tx,
      actor,
      visit.orderId,
      sentence('order.visit_started', { visit: visit.number, name: actor.name }),
    );
    return { id: visit.id, number: visit.number, status: 'in_progress' as const, startedAt: startedAt.toISOString() };
  });
}
