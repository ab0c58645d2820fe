import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { webhookDeliveries } from './integrations.schema.ts';
import { findEndpoint } from './webhook-endpoint-view.ts';
import { webhookPayload } from './fan-out-event.ts';

/** The "send test event" button: a `webhook.test` message to this endpoint only. */
export async function sendTestEvent(db: Db, actor: Actor, partnerId: string, endpointId: string, now = new Date()) {
  await findEndpoint(db, partnerId, endpointId);
  const [d] = await db.insert(webhookDeliveries).values({
    messageId: `msg_test_${randomUUID()}`, endpointId, partnerId, eventType: 'webhook.test',
    payload: webhookPayload({ type: 'webhook.test', data: { message: 'Testbericht van ChargeCars', sentBy: actor.name } }, now.toISOString()), eventCommittedAt: now,
  }).returning({ id: webhookDeliveries.id });
  return { deliveryId: d!.id };
}
