import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { webhookAttempts, webhookDeliveries } from './integrations.schema.ts';
import { findEndpoint } from './webhook-endpoint-view.ts';
import { webhookPayload } from './fan-out-event.ts';

/** Attempts and finished deliveries are kept this long. */
export const DELIVERY_RETENTION_MS = 30 * 86_400_000;

type Delivery = typeof webhookDeliveries.$inferSelect;

/** The endpoint's recent deliveries with every attempt: what was sent, what came back, how long it took. */
export async function listDeliveries(db: Db, partnerId: string, endpointId: string, limit: number) {
  await findEndpoint(db, partnerId, endpointId);
  const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(desc(webhookDeliveries.createdAt)).limit(limit);
  const attempts = rows.length ? await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, rows.map((r) => r.id))).orderBy(asc(webhookAttempts.at)) : [];
  return {
    items: rows.map((d) => ({
      id: d.id, messageId: d.messageId, eventType: d.eventType, state: d.state, attempts: d.attempts, payload: d.payload,
      nextAttemptAt: d.state === 'pending' ? d.nextAttemptAt.toISOString() : null, createdAt: d.createdAt.toISOString(),
      attemptLog: attempts.filter((a) => a.deliveryId === d.id).map((a) => ({ at: a.at.toISOString(), responseStatus: a.responseStatus, responseBodyExcerpt: a.responseBodyExcerpt, error: a.error, durationMs: a.durationMs, requestHeaders: a.requestHeaders })),
    })),
  };
}

/** Sends one delivery again, with its original message id, so the receiver can recognise a repeat. */
export async function replayDelivery(db: Db, actor: Actor, partnerId: string, deliveryId: string, now = new Date()) {
  const [d] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.partnerId, partnerId)));
  if (!d) throw notFound('Levering');
  await requeue(db, actor, [d], now);
  return { replayed: 1 };
}

/** Sends again everything an endpoint got (or should have got) since a time, e.g. after an outage. */
export async function replaySince(db: Db, actor: Actor, partnerId: string, endpointId: string, since: Date, now = new Date()) {
  await findEndpoint(db, partnerId, endpointId);
  const rows = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.endpointId, endpointId), gte(webhookDeliveries.eventCommittedAt, since)));
  await requeue(db, actor, rows, now);
  return { replayed: rows.length };
}

async function requeue(db: Db, actor: Actor, rows: Delivery[], now: Date) {
  if (!rows.length) return;
  await db.transaction(async (tx) => {
    await tx.update(webhookDeliveries).set({ state: 'pending', nextAttemptAt: now, attempts: 0 }).where(inArray(webhookDeliveries.id, rows.map((r) => r.id)));
    await recordAudit(tx, actor, { action: 'webhook_delivery.replayed', subjectType: 'webhook_endpoint', subjectId: rows[0]!.endpointId, after: { deliveries: rows.length } });
  });
}

/** The "send test event" button: a `webhook.test` message to this endpoint only. */
export async function sendTestEvent(db: Db, actor: Actor, partnerId: string, endpointId: string, now = new Date()) {
  await findEndpoint(db, partnerId, endpointId);
  const [d] = await db.insert(webhookDeliveries).values({
    messageId: `msg_test_${randomUUID()}`, endpointId, partnerId, eventType: 'webhook.test',
    payload: webhookPayload('webhook.test', now.toISOString(), { message: 'Testbericht van ChargeCars', sentBy: actor.name }), eventCommittedAt: now,
  }).returning({ id: webhookDeliveries.id });
  return { deliveryId: d!.id };
}

/** Keeps the log to 30 days. */
export async function purgeDeliveryLog(db: Db, now = new Date()) {
  const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_MS);
  await db.delete(webhookAttempts).where(lt(webhookAttempts.at, cutoff));
  await db.delete(webhookDeliveries).where(and(lt(webhookDeliveries.createdAt, cutoff), inArray(webhookDeliveries.state, ['delivered', 'failed', 'cancelled'])));
}
