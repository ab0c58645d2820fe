import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { storeEmail } from '../../platform/mail.ts';
import { partners } from '../partners/partners.schema.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from './integrations.schema.ts';
import { webhookHeaders } from './webhook-signing.ts';
import { postWebhook } from './post-webhook.ts';
import { DISABLE_AFTER_FAILING_MS, nextAttemptDelay } from './retry-schedule.ts';
import type { SsrfGuard } from './ssrf-guard.ts';

type Delivery = typeof webhookDeliveries.$inferSelect;
type Endpoint = typeof webhookEndpoints.$inferSelect;
/** A claimed delivery is someone's for this long; if that instance dies, another takes it over. */
const CLAIM_MS = 60_000;
const PARALLEL = 16;

/**
 * Claims due deliveries (one statement, so instances never take the same one) and attempts them,
 * a few at a time. Returns how many were attempted.
 */
export async function dispatchDueDeliveries(db: Db, guard: SsrfGuard, limit = 100, now = new Date()): Promise<number> {
  const claimed = await db.update(webhookDeliveries).set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
    .where(inArray(webhookDeliveries.id, sql`(select id from webhook_deliveries where state = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz order by next_attempt_at limit ${limit} for update skip locked)`))
    .returning();
  if (!claimed.length) return 0;
  const endpoints = new Map((await db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, [...new Set(claimed.map((d) => d.endpointId))]))).map((e) => [e.id, e]));
  for (let i = 0; i < claimed.length; i += PARALLEL) {
    await Promise.all(claimed.slice(i, i + PARALLEL).map((d) => attemptDelivery(db, guard, d, endpoints.get(d.endpointId) ?? null)));
  }
  return claimed.length;
}

/** One attempt: sign, send, log, then delivered, retry later, or give up; 410 disables the endpoint. */
export async function attemptDelivery(db: Db, guard: SsrfGuard, delivery: Delivery, endpoint: Endpoint | null): Promise<void> {
  if (!endpoint || !endpoint.enabled) {
    await db.update(webhookDeliveries).set({ state: 'cancelled' }).where(eq(webhookDeliveries.id, delivery.id));
    return;
  }
  const startedAt = new Date();
  const body = JSON.stringify(delivery.payload);
  const secrets = [endpoint.secret, ...(endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > startedAt ? [endpoint.previousSecret] : [])];
  const headers = webhookHeaders(secrets, delivery.messageId, Math.floor(startedAt.getTime() / 1000), body);
  const url = new URL(endpoint.url);
  let result;
  try {
    await guard.assertSafe(url);
    result = await postWebhook(url, headers, body, guard.lookup);
  } catch (err) {
    result = { status: null, bodyExcerpt: null, error: (err as Error).message, durationMs: 0 };
  }
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const attempts = delivery.attempts + 1;
  const delay = ok ? null : nextAttemptDelay(attempts);
  const finishedAt = new Date();
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, at: startedAt, requestHeaders: { ...headers, 'webhook-signature': '(verborgen)' }, responseStatus: result.status, responseBodyExcerpt: result.bodyExcerpt, error: result.error, durationMs: result.durationMs });
    await tx.update(webhookDeliveries).set({
      attempts, firstAttemptAt: delivery.firstAttemptAt ?? startedAt,
      state: ok ? 'delivered' : delay === null || result.status === 410 ? 'failed' : 'pending',
      nextAttemptAt: delay === null ? finishedAt : new Date(finishedAt.getTime() + delay),
    }).where(eq(webhookDeliveries.id, delivery.id));
    if (ok) {
      if (endpoint.failingSince) await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
      return;
    }
    if (result.status === 410) return disableEndpoint(tx, endpoint, 'Het endpoint antwoordde 410 Gone');
    if (!endpoint.failingSince) {
      await tx.update(webhookEndpoints).set({ failingSince: startedAt }).where(and(eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.failingSince)));
    } else if (startedAt.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
      await disableEndpoint(tx, endpoint, 'Het endpoint faalt al 5 dagen');
    }
  });
}

/** Disables an endpoint, cancels what it still had pending, and tells the partner by email and event. */
async function disableEndpoint(tx: DbOrTx, endpoint: Endpoint, reason: string) {
  await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: reason }).where(eq(webhookEndpoints.id, endpoint.id));
  await tx.update(webhookDeliveries).set({ state: 'cancelled' }).where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.state, 'pending')));
  const [partner] = await tx.select({ email: partners.email, name: partners.name }).from(partners).where(eq(partners.id, endpoint.partnerId));
  if (partner) {
    await storeEmail(tx, { to: partner.email, subject: `Webhook-endpoint uitgeschakeld: ${endpoint.url}`, bodyText: `Beste ${partner.name},\n\nWe hebben uw webhook-endpoint ${endpoint.url} uitgeschakeld. Reden: ${reason}.\nU kunt het in het partnerportaal weer inschakelen en gemiste berichten opnieuw laten versturen.\n\nChargeCars` });
  }
  await emitEvent(tx, { type: 'webhook_endpoint.disabled', subjectType: 'webhook_endpoint', subjectId: endpoint.id, data: { endpointId: endpoint.id, url: endpoint.url, reason }, audience: { partnerId: endpoint.partnerId } });
}
