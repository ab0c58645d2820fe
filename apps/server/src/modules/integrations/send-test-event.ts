import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { webhookDeliveries, webhookMessages } from './integrations.schema.ts';
import { findEndpoint } from './webhook-endpoint-view.ts';
import { webhookPayload } from './fan-out-event.ts';

/** The "send test event" button: a `webhook.test` message to this endpoint only. */
export async function sendTestEvent(db: Db, actor: Actor, partnerId: string, endpointId: string, now = new Date()) {
  await findEndpoint(db, partnerId, endpointId);
  const messageId = `msg_test_${randomUUID()}`;
  const payload = webhookPayload(
    { type: 'webhook.test', data: { message: 'Testbericht van ChargeCars', sentBy: actor.name } },
    now.toISOString(),
  );
  const [d] = await db.transaction(async (tx) => {
    await tx.insert(webhookMessages).values({ id: messageId, partnerId, eventType: 'webhook.test', payload });
    return tx
      .insert(webhookDeliveries)
      .values({ messageId, endpointId, partnerId, eventType: 'webhook.test', eventCommittedAt: now })
      .returning({ id: webhookDeliveries.id });
  });
  return { deliveryId: d!.id };
}
