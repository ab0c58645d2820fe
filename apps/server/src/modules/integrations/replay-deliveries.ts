import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { webhookDeliveries } from './integrations.schema.ts';
import { findEndpoint } from './webhook-endpoint-view.ts';

type Delivery = typeof webhookDeliveries.$inferSelect;

/** Sends one delivery again, with its original message id, so the receiver can recognise a repeat. */
export async function replayDelivery(db: Db, actor: Actor, partnerId: string, deliveryId: string, now = new Date()) {
  const [d] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.partnerId, partnerId)));
  if (!d) throw notFound('Levering');
  await requeue(db, actor, [d], now);
  return { replayed: 1 };
}

/** Sends again everything an endpoint got (or should have got) since a time, e.g. after an outage. */
export async function replaySince(
  db: Db,
  actor: Actor,
  partnerId: string,
  endpointId: string,
  since: Date,
  now = new Date(),
) {
  await findEndpoint(db, partnerId, endpointId);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), gte(webhookDeliveries.eventCommittedAt, since)));
  await requeue(db, actor, rows, now);
  return { replayed: rows.length };
}

async function requeue(db: Db, actor: Actor, rows: Delivery[], now: Date) {
  if (!rows.length) return;
  await db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({ state: 'pending', nextAttemptAt: now, attempts: 0 })
      .where(
        inArray(
          webhookDeliveries.id,
          rows.map((r) => r.id),
        ),
      );
    await recordAudit(tx, actor, {
      action: 'webhook_delivery.replayed',
      subjectType: 'webhook_endpoint',
      subjectId: rows[0]!.endpointId,
      after: { deliveries: rows.length },
    });
  });
}
