import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { webhookAttempts, webhookDeliveries, webhookMessages } from './integrations.schema.ts';
import { findEndpoint } from './webhook-endpoint-view.ts';

/** The endpoint's recent deliveries with every attempt: what was sent, what came back, how long it took. */
export async function listDeliveries(db: Db, partnerId: string, endpointId: string, limit: number) {
  await findEndpoint(db, partnerId, endpointId);
  const rows = await db
    .select({ d: webhookDeliveries, payload: webhookMessages.payload })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
  const attempts = rows.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(
          inArray(
            webhookAttempts.deliveryId,
            rows.map((r) => r.d.id),
          ),
        )
        .orderBy(asc(webhookAttempts.at))
    : [];
  return {
    items: rows.map(({ d, payload }) => ({
      id: d.id,
      messageId: d.messageId,
      eventType: d.eventType,
      state: d.state,
      attempts: d.attempts,
      payload,
      nextAttemptAt: d.state === 'pending' ? d.nextAttemptAt.toISOString() : null,
      createdAt: d.createdAt.toISOString(),
      attemptLog: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({
          at: a.at.toISOString(),
          responseStatus: a.responseStatus,
          responseBodyExcerpt: a.responseBodyExcerpt,
          error: a.error,
          durationMs: a.durationMs,
          requestHeaders: a.requestHeaders,
        })),
    })),
  };
}
