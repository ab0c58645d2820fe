import { sql } from 'drizzle-orm';
import type { WebhookEventType, WebhookMessage } from '@chargecars/contract';
import { CLAIM_MS } from './dispatch-deliveries.ts';
import type { Db } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import type { webhookDeliveries } from './integrations.schema.ts';

/** The Standard Webhooks payload (`webhookBody` in the contract): type, timestamp and data; frozen at fan-out so a replay sends the same. */
export const webhookPayload = (message: WebhookMessage, timestamp: string) => ({ type: message.type, timestamp, data: message.data });

type Delivery = typeof webhookDeliveries.$inferSelect;
type Inserted = { id: string; message_id: string; endpoint_id: string; partner_id: string; next_attempt_at: Date | string; created_at: Date | string; claimed: boolean; payload: Record<string, unknown> | null };

/**
 * One delivery per enabled endpoint of each event's partner that subscribed to its type, in one
 * statement for a whole relayed batch: the database joins the events with the endpoints, so each
 * payload crosses once per event, not once per endpoint, and no row is built one by one here (at
 * 5,000 deliveries a second that building was a large share of the main thread). Relayed twice (a
 * crash after sending), the unique message id per endpoint makes the second a no-op. The first
 * `claimUpTo` new deliveries are claimed by this instance in the same insert, for its dispatcher to
 * send at once without another read; the rest are due now for whichever instance claims them.
 */
export async function fanOutEvents(db: Db, events: RelayedEvent<WebhookEventType>[], claimUpTo: number): Promise<{ claimed: Delivery[]; due: number }> {
  const rows = events.filter((e) => e.audience.partnerId).map((e) => ({
    message_id: `msg_${e.eventId}`, partner_id: e.audience.partnerId, type: e.type, committed_at: e.occurredAt,
    payload: webhookPayload(e, e.occurredAt),
  }));
  if (!rows.length) return { claimed: [], due: 0 };
  const result = (await db.execute(sql`
    with e as (
      select e.*, row_number() over () as position
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(message_id text, partner_id uuid, type text, committed_at timestamptz, payload jsonb)
    ), fanned as (
      select e.message_id, w.id as endpoint_id, e.partner_id, e.type, e.payload, e.committed_at, row_number() over (order by e.position, w.id) as n
      from e join webhook_endpoints w on w.partner_id = e.partner_id and w.enabled and e.type = any(w.event_types)
    ), inserted as (
      insert into webhook_deliveries (message_id, endpoint_id, partner_id, event_type, payload, event_committed_at, next_attempt_at)
      select message_id, endpoint_id, partner_id, type, payload, committed_at,
        case when n <= ${claimUpTo} then now() + ${`${CLAIM_MS} milliseconds`}::interval else now() end
      from fanned order by n
      on conflict do nothing
      returning id, message_id, endpoint_id, partner_id, payload, next_attempt_at, created_at, next_attempt_at > now() as claimed
    )
    -- The payload as stored (jsonb orders its keys), once per event: the first attempt then sends
    -- the very bytes a replay sends.
    select id, message_id, endpoint_id, partner_id, next_attempt_at, created_at, claimed,
      case when row_number() over (partition by message_id order by id) = 1 then payload end as payload
    from inserted`)) as unknown as { rows: Inserted[] };
  const payloads = new Map(result.rows.filter((d) => d.payload).map((d) => [d.message_id, d.payload!]));
  const byMessage = new Map(rows.map((r) => [r.message_id, r]));
  const position = new Map(rows.map((r, i) => [r.message_id, i]));
  const claimed: Delivery[] = [];
  let due = 0;
  // In the outbox's order, so the dispatcher sends older events first.
  for (const d of result.rows.sort((a, b) => position.get(a.message_id)! - position.get(b.message_id)!)) {
    if (!d.claimed) { due++; continue; }
    const event = byMessage.get(d.message_id)!;
    claimed.push({
      id: d.id, messageId: d.message_id, endpointId: d.endpoint_id, partnerId: d.partner_id, eventType: event.type, payload: payloads.get(d.message_id)!,
      state: 'pending', attempts: 0, nextAttemptAt: new Date(d.next_attempt_at), eventCommittedAt: new Date(event.committed_at), firstAttemptAt: null, createdAt: new Date(d.created_at),
    });
  }
  return { claimed, due };
}
