import { and, eq, inArray, sql } from 'drizzle-orm';
import { CLAIM_MS } from './dispatch-deliveries.ts';
import type { Db } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { webhookDeliveries, webhookEndpoints } from './integrations.schema.ts';

/** The Standard Webhooks payload: type, timestamp and data; frozen at fan-out so a replay sends the same. */
export const webhookPayload = (type: string, timestamp: string, data: Record<string, unknown>) => ({ type, timestamp, data });

type Delivery = typeof webhookDeliveries.$inferSelect;

/**
 * One delivery per enabled endpoint of each event's partner that subscribed to its type: one read of
 * the endpoints and one insert for a whole relayed batch. Relayed twice (a crash after sending), the
 * unique message id per endpoint makes the second a no-op. When there are at most `claimUpTo`, the new
 * deliveries are claimed by this instance in the same insert, for its dispatcher to send at once;
 * otherwise they are due now for whichever instance claims them.
 */
export async function fanOutEvents(db: Db, events: RelayedEvent[], claimUpTo: number): Promise<{ deliveries: Delivery[]; claimed: boolean }> {
  const partnerIds = [...new Set(events.map((e) => e.audience.partnerId).filter((id): id is string => !!id))];
  if (!partnerIds.length) return { deliveries: [], claimed: false };
  const endpoints = await db.select({ id: webhookEndpoints.id, partnerId: webhookEndpoints.partnerId, eventTypes: webhookEndpoints.eventTypes }).from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.partnerId, partnerIds), eq(webhookEndpoints.enabled, true)));
  const rows = events.flatMap((event) => endpoints
    .filter((e) => e.partnerId === event.audience.partnerId && e.eventTypes.includes(event.type))
    .map((e) => ({
      messageId: `msg_${event.eventId}`, endpointId: e.id, partnerId: e.partnerId, eventType: event.type,
      payload: webhookPayload(event.type, event.occurredAt, event.data), eventCommittedAt: new Date(event.occurredAt),
    })));
  if (!rows.length) return { deliveries: [], claimed: false };
  const claimed = rows.length <= claimUpTo;
  const claim = claimed ? { nextAttemptAt: sql`now() + ${`${CLAIM_MS} milliseconds`}::interval` } : {};
  const deliveries = await db.insert(webhookDeliveries).values(rows.map((r) => ({ ...r, ...claim }))).onConflictDoNothing().returning();
  return { deliveries, claimed };
}
