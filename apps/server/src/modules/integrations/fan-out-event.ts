import { and, arrayContains, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { webhookDeliveries, webhookEndpoints } from './integrations.schema.ts';

/** The Standard Webhooks payload: type, timestamp and data; frozen at fan-out so a replay sends the same. */
export const webhookPayload = (type: string, timestamp: string, data: Record<string, unknown>) => ({ type, timestamp, data });

/**
 * One delivery per enabled endpoint of the event's partner that subscribed to its type. Relayed
 * twice (a crash after sending), the unique message id per endpoint makes the second a no-op.
 */
export async function fanOutEvent(db: Db, event: RelayedEvent): Promise<number> {
  const partnerId = event.audience.partnerId;
  if (!partnerId) return 0;
  const endpoints = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.partnerId, partnerId), eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.eventTypes, [event.type])));
  if (!endpoints.length) return 0;
  const inserted = await db.insert(webhookDeliveries).values(endpoints.map((e) => ({
    messageId: `msg_${event.eventId}`, endpointId: e.id, partnerId, eventType: event.type,
    payload: webhookPayload(event.type, event.occurredAt, event.data), eventCommittedAt: new Date(event.occurredAt),
  }))).onConflictDoNothing().returning({ id: webhookDeliveries.id });
  return inserted.length;
}
