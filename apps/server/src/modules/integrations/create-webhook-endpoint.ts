import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { webhookEndpoints } from './integrations.schema.ts';
import { newWebhookSecret } from './webhook-signing.ts';
import type { SsrfGuard } from './ssrf-guard.ts';
import { assertReachable, presentEndpoint } from './webhook-endpoint-view.ts';

/** Subscribes an endpoint; the answer carries the signing secret (lists never do). */
export async function createEndpoint(
  db: Db,
  guard: SsrfGuard,
  actor: Actor,
  partnerId: string,
  input: { url: string; description?: string | undefined; eventTypes: string[] },
) {
  await assertReachable(guard, input.url);
  return db.transaction(async (tx) => {
    const [e] = await tx
      .insert(webhookEndpoints)
      .values({
        partnerId,
        url: input.url,
        description: input.description ?? null,
        eventTypes: [...new Set(input.eventTypes)],
        secret: newWebhookSecret(),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'webhook_endpoint.created',
      subjectType: 'webhook_endpoint',
      subjectId: e!.id,
      after: presentEndpoint(e!),
    });
    return { ...presentEndpoint(e!), secret: e!.secret };
  });
}
