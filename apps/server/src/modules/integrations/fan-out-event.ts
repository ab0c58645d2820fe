import { inArray, sql } from 'drizzle-orm';
import type { WebhookEventType, WebhookMessage } from '@chargecars/contract';
import { CLAIM_MS, type Outgoing } from './dispatch-deliveries.ts';
import type { Db } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { webhookEndpoints, webhookMessages, type webhookDeliveries } from './integrations.schema.ts';

/** The Standard Webhooks payload (`webhookBody` in the contract): type, timestamp and data; frozen at fan-out so a replay sends the same. */
export const webhookPayload = (message: WebhookMessage, timestamp: string) => ({
  type: message.type,
  timestamp,
  data: message.data,
});

type Delivery = typeof webhookDeliveries.$inferSelect;
type Endpoint = typeof webhookEndpoints.$inferSelect;
type Inserted = {
  id: string;
  message_id: string;
  endpoint_id: string;
  partner_id: string;
  next_attempt_at: Date | string;
  created_at: Date | string;
  claimed: boolean;
  payload: Record<string, unknown> | null;
};

/**
 * One message per event and one delivery per enabled endpoint of the event's partner that subscribed
 * to its type, in one statement for a whole relayed batch: the database joins the events with the
 * endpoints, so each payload crosses and is stored once per event, not once per endpoint, and no row
 * is built one by one here. Relayed twice (a crash after sending), the message id makes the second a
 * no-op. The first `claimUpTo` new deliveries are claimed by this instance in the same insert, for its
 * dispatcher to send at once without another read; the rest are due now for whichever instance claims them.
 */
export async function fanOutEvents(
  db: Db,
  events: RelayedEvent<WebhookEventType>[],
  claimUpTo: number,
): Promise<{ claimed: Outgoing[]; due: number }> {
  const rows = events
    .filter((e) => e.audience.partnerId)
    .map((e) => ({
      message_id: `msg_${e.eventId}`,
      partner_id: e.audience.partnerId,
      type: e.type,
      committed_at: e.occurredAt,
      payload: webhookPayload(e, e.occurredAt),
    }));
  if (!rows.length) return { claimed: [], due: 0 };
  const result = (await db.execute(sql`
    with e as (
      select e.*, row_number() over () as position
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(message_id text, partner_id uuid, type text, committed_at timestamptz, payload jsonb)
    ), fanned as (
      select e.message_id, w.id as endpoint_id, e.partner_id, e.type, e.committed_at, row_number() over (order by e.position, w.id) as n
      from e join webhook_endpoints w on w.partner_id = e.partner_id and w.enabled and e.type = any(w.event_types)
    ), messages as (
      insert into webhook_messages (id, partner_id, event_type, payload)
      select message_id, partner_id, type, payload from e where exists (select 1 from fanned f where f.message_id = e.message_id)
      on conflict do nothing
      returning id, payload
    ), inserted as (
      insert into webhook_deliveries (message_id, endpoint_id, partner_id, event_type, event_committed_at, next_attempt_at)
      select message_id, endpoint_id, partner_id, type, committed_at,
        case when n <= ${claimUpTo} then now() + ${`${CLAIM_MS} milliseconds`}::interval else now() end
      from fanned order by n
      on conflict do nothing
      returning id, message_id, endpoint_id, partner_id, next_attempt_at, created_at, next_attempt_at > now() as claimed
    )
    -- The payload as stored (jsonb orders its keys), once per message: the first attempt then sends
    -- the very bytes a replay sends.
    select i.id, i.message_id, i.endpoint_id, i.partner_id, i.next_attempt_at, i.created_at, i.claimed,
      case when row_number() over (partition by i.message_id order by i.id) = 1 then m.payload end as payload
    from inserted i left join messages m on m.id = i.message_id`)) as unknown as { rows: Inserted[] };
  if (!result.rows.length) return { claimed: [], due: 0 };
  const bodies = new Map(result.rows.filter((d) => d.payload).map((d) => [d.message_id, JSON.stringify(d.payload)]));
  // A message stored by an earlier relay of the same event, with a delivery new this time (an endpoint
  // subscribed in between): its payload is read back, not rebuilt, so every endpoint gets the same bytes.
  const stored = [...new Set(result.rows.map((d) => d.message_id))].filter((id) => !bodies.has(id));
  if (stored.length) {
    for (const m of await db
      .select({ id: webhookMessages.id, payload: webhookMessages.payload })
      .from(webhookMessages)
      .where(inArray(webhookMessages.id, stored)))
      bodies.set(m.id, JSON.stringify(m.payload));
  }
  const byMessage = new Map(rows.map((r) => [r.message_id, r]));
  const position = new Map(rows.map((r, i) => [r.message_id, i]));
  const claimedRows = result.rows.filter((d) => d.claimed);
  const endpoints = claimedRows.length
    ? new Map(
        (
          await db
            .select()
            .from(webhookEndpoints)
            .where(inArray(webhookEndpoints.id, [...new Set(claimedRows.map((d) => d.endpoint_id))]))
        ).map((w) => [w.id, w]),
      )
    : new Map<string, Endpoint>();
  // In the outbox's order, so the dispatcher sends older events first.
  const claimed = claimedRows
    .sort((a, b) => position.get(a.message_id)! - position.get(b.message_id)!)
    .map((d): Outgoing => {
      const event = byMessage.get(d.message_id)!;
      const delivery: Delivery = {
        id: d.id,
        messageId: d.message_id,
        endpointId: d.endpoint_id,
        partnerId: d.partner_id,
        eventType: event.type,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(d.next_attempt_at),
        eventCommittedAt: new Date(event.committed_at),
        firstAttemptAt: null,
        createdAt: new Date(d.created_at),
      };
      return { delivery, endpoint: endpoints.get(d.endpoint_id)!, body: bodies.get(d.message_id)! };
    });
  return { claimed, due: result.rows.length - claimed.length };
}
