import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { webhookEndpoints } from './integrations.schema.ts';
import { findEndpoint, presentEndpoint } from './webhook-endpoint-view.ts';

export async function deleteEndpoint(db: Db, actor: Actor, partnerId: string, endpointId: string) {
  const before = await findEndpoint(db, partnerId, endpointId);
  await db.transaction(async (tx) => {
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    await recordAudit(tx, actor, {
      action: 'webhook_endpoint.deleted',
      subjectType: 'webhook_endpoint',
      subjectId: endpointId,
      before: presentEndpoint(before),
    });
  });
}
