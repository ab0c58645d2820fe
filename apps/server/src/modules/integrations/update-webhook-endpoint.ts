import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { webhookEndpoints } from './integrations.schema.ts';
import type { SsrfGuard } from './ssrf-guard.ts';
import { assertReachable, findEndpoint, presentEndpoint } from './webhook-endpoint-view.ts';

/** Changing URL or types, or switching it back on (which also clears its failure clock). */
export async function updateEndpoint(
  db: Db,
  guard: SsrfGuard,
  actor: Actor,
  partnerId: string,
  endpointId: string,
  input: {
    url?: string | undefined;
    description?: string | undefined;
    eventTypes?: string[] | undefined;
    enabled?: boolean | undefined;
  },
) {
  const before = await findEndpoint(db, partnerId, endpointId);
  const changes = Object.values(input).some((v) => v !== undefined);
  // An empty patch changes nothing: answer with the endpoint as it is (an UPDATE without columns is invalid SQL).
  if (!changes) return presentEndpoint(before);
  if (input.url) await assertReachable(guard, input.url);
  return db.transaction(async (tx) => {
    const [e] = await tx
      .update(webhookEndpoints)
      .set({
        ...(input.url ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.eventTypes ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
        ...(input.enabled !== undefined
          ? {
              enabled: input.enabled,
              disabledReason: input.enabled ? null : 'Uitgeschakeld door gebruiker',
              failingSince: null,
            }
          : {}),
      })
      .where(eq(webhookEndpoints.id, endpointId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'webhook_endpoint.updated',
      subjectType: 'webhook_endpoint',
      subjectId: endpointId,
      before: presentEndpoint(before),
      after: presentEndpoint(e!),
    });
    return presentEndpoint(e!);
  });
}
