import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { webhookEndpoints } from './integrations.schema.ts';
import { newWebhookSecret } from './webhook-signing.ts';
import type { SsrfGuard } from './ssrf-guard.ts';

type Endpoint = typeof webhookEndpoints.$inferSelect;
/** During a rotation the old secret signs too, this long, so the receiver can switch without losing messages. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

export const presentEndpoint = (e: Endpoint, now = new Date()) => ({
  id: e.id, url: e.url, description: e.description, eventTypes: e.eventTypes, enabled: e.enabled, disabledReason: e.disabledReason,
  failingSince: e.failingSince?.toISOString() ?? null, createdAt: e.createdAt.toISOString(),
  secretRotatingUntil: e.previousSecretUntil && e.previousSecretUntil > now ? e.previousSecretUntil.toISOString() : null,
});

async function assertReachable(guard: SsrfGuard, url: string) {
  try {
    await guard.assertSafe(new URL(url));
  } catch (err) {
    throw invalid([{ field: 'body.url', message: (err as Error).message }], 'Dit webhook-adres is niet toegestaan');
  }
}

export async function findEndpoint(db: Db, partnerId: string, endpointId: string) {
  const [e] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.partnerId, partnerId)));
  if (!e) throw notFound('Webhook-endpoint');
  return e;
}

export async function listEndpoints(db: Db, partnerId: string) {
  return (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.partnerId, partnerId)).orderBy(desc(webhookEndpoints.createdAt))).map((e) => presentEndpoint(e));
}

/** Subscribes an endpoint; the answer carries the signing secret (lists never do). */
export async function createEndpoint(db: Db, guard: SsrfGuard, actor: Actor, partnerId: string, input: { url: string; description?: string | undefined; eventTypes: string[] }) {
  await assertReachable(guard, input.url);
  return db.transaction(async (tx) => {
    const [e] = await tx.insert(webhookEndpoints).values({ partnerId, url: input.url, description: input.description ?? null, eventTypes: [...new Set(input.eventTypes)], secret: newWebhookSecret() }).returning();
    await recordAudit(tx, actor, { action: 'webhook_endpoint.created', subjectType: 'webhook_endpoint', subjectId: e!.id, after: presentEndpoint(e!) });
    return { ...presentEndpoint(e!), secret: e!.secret };
  });
}

/** Changing URL or types, or switching it back on (which also clears its failure clock). */
export async function updateEndpoint(db: Db, guard: SsrfGuard, actor: Actor, partnerId: string, endpointId: string, input: { url?: string | undefined; description?: string | undefined; eventTypes?: string[] | undefined; enabled?: boolean | undefined }) {
  const before = await findEndpoint(db, partnerId, endpointId);
  if (input.url) await assertReachable(guard, input.url);
  return db.transaction(async (tx) => {
    const [e] = await tx.update(webhookEndpoints).set({
      ...(input.url ? { url: input.url } : {}), ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.eventTypes ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled, disabledReason: input.enabled ? null : 'Uitgeschakeld door gebruiker', failingSince: null } : {}),
    }).where(eq(webhookEndpoints.id, endpointId)).returning();
    await recordAudit(tx, actor, { action: 'webhook_endpoint.updated', subjectType: 'webhook_endpoint', subjectId: endpointId, before: presentEndpoint(before), after: presentEndpoint(e!) });
    return presentEndpoint(e!);
  });
}

export async function deleteEndpoint(db: Db, actor: Actor, partnerId: string, endpointId: string) {
  const before = await findEndpoint(db, partnerId, endpointId);
  await db.transaction(async (tx) => {
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    await recordAudit(tx, actor, { action: 'webhook_endpoint.deleted', subjectType: 'webhook_endpoint', subjectId: endpointId, before: presentEndpoint(before) });
  });
}

/** A new secret; the old one keeps signing alongside for the overlap. */
export async function rotateEndpointSecret(db: Db, actor: Actor, partnerId: string, endpointId: string, now = new Date()) {
  const before = await findEndpoint(db, partnerId, endpointId);
  return db.transaction(async (tx) => {
    const [e] = await tx.update(webhookEndpoints).set({ secret: newWebhookSecret(), previousSecret: before.secret, previousSecretUntil: new Date(now.getTime() + SECRET_OVERLAP_MS) }).where(eq(webhookEndpoints.id, endpointId)).returning();
    await recordAudit(tx, actor, { action: 'webhook_endpoint.secret_rotated', subjectType: 'webhook_endpoint', subjectId: endpointId });
    return { ...presentEndpoint(e!, now), secret: e!.secret };
  });
}
