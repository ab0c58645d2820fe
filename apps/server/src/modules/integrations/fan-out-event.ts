import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { webhookDeliveries, webhookEndpoints } from './integrations.schema.ts';

/** The Standard Webhooks payload: type, timestamp and data; frozen at fan-out so a replay sends the same. */
export const webhookPayload = (type: string, timestamp: string, data: Record<string, unknown>) => ({ type, timestamp, data });

/**
 * One delivery per enabled endpoint of each event's partner that subscribed to its type: one read of
 * the endpoints and one insert for a whole relayed batch. Relayed twice (a crash after sending), the
 * unique message id per endpoint makes the second a no-op. Answers how many deliveries were created.
 */
export async function fanOutEvents(db: Db, events: RelayedEvent[]): Promise<number> {
  const partnerIds = [...new Set(events.map((e) => e.audience.partnerId).filter((id): id is string => !!id))];
  if (!partnerIds.length) return 0;
  const endpoints = await db.select({ id: webhookEndpoints.id, partnerId: webhookEndpoints.partnerId, eventTypes: webhookEndpoints.eventTypes }).from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.partnerId, partnerIds), eq(webhookEndpoints.enabled, true)));
  const deliveries = events.flatMap((event) => endpoints
    .filter((e) => e.partnerId === event.audience.partnerId && e.eventTypes.includes(event.type))
    .map((e) => ({
      messageId: `msg_${event.eventId}`, endpointId: e.id, partnerId: e.partnerId, eventType: event.type,
      payload: webhookPayload(event.type, event.occurredAt, event.data), eventCommittedAt: new Date(event.occurredAt),
    })));
  if (!deliveries.length) return 0;
  const inserted = await db.insert(webhookDeliveries).values(deliveries).onConflictDoNothing().returning({ id: webhookDeliveries.id });
  return inserted.length;
}
