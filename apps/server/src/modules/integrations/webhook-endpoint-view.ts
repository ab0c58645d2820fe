import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { webhookEndpoints } from './integrations.schema.ts';
import type { SsrfGuard } from './ssrf-guard.ts';

type Endpoint = typeof webhookEndpoints.$inferSelect;

export const presentEndpoint = (e: Endpoint, now = new Date()) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
  disabledReason: e.disabledReason,
  failingSince: e.failingSince?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
  secretRotatingUntil:
    e.previousSecretUntil && e.previousSecretUntil > now ? e.previousSecretUntil.toISOString() : null,
});

/** Refuses an address the SSRF guard would refuse at delivery, naming the field. */
export async function assertReachable(guard: SsrfGuard, url: string) {
  try {
    await guard.assertSafe(new URL(url));
  } catch (err) {
    throw invalid([{ field: 'body.url', message: (err as Error).message }], 'Dit webhook-adres is niet toegestaan');
  }
}

export async function findEndpoint(db: Db, partnerId: string, endpointId: string) {
  const [e] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.partnerId, partnerId)));
  if (!e) throw notFound('Webhook-endpoint');
  return e;
}

export async function listEndpoints(db: Db, partnerId: string) {
  return (
    await db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.partnerId, partnerId))
      .orderBy(desc(webhookEndpoints.createdAt))
  ).map((e) => presentEndpoint(e));
}
