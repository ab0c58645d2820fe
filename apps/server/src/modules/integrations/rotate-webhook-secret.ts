import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { webhookEndpoints } from './integrations.schema.ts';
import { newWebhookSecret } from './webhook-signing.ts';
import { findEndpoint, presentEndpoint } from './webhook-endpoint-view.ts';

/** During a rotation the old secret signs too, this long, so the receiver can switch without losing messages. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

/** A new secret; the old one keeps signing alongside for the overlap. */
export async function rotateEndpointSecret(
  db: Db,
  actor: Actor,
  partnerId: string,
  endpointId: string,
  now = new Date(),
) {
  const before = await findEndpoint(db, partnerId, endpointId);
  return db.transaction(async (tx) => {
    const [e] = await tx
      .update(webhookEndpoints)
      .set({
        secret: newWebhookSecret(),
        previousSecret: before.secret,
        previousSecretUntil: new Date(now.getTime() + SECRET_OVERLAP_MS),
      })
      .where(eq(webhookEndpoints.id, endpointId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'webhook_endpoint.secret_rotated',
      subjectType: 'webhook_endpoint',
      subjectId: endpointId,
    });
    return { ...presentEndpoint(e!, now), secret: e!.secret };
  });
}
