import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { storeEmail } from '../../platform/mail.ts';
import { webhookDeliveryAttempts } from '../../platform/metrics.ts';
import { findPartner } from '../partners/index.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from './integrations.schema.ts';
import { webhookHeaders } from './webhook-signing.ts';
import { postWebhook, type PostResult } from './post-webhook.ts';
import { DISABLE_AFTER_FAILING_MS, nextAttemptDelay } from './retry-schedule.ts';
import type { SsrfGuard } from './ssrf-guard.ts';

type Delivery = typeof webhookDeliveries.$inferSelect;
type Endpoint = typeof webhookEndpoints.$inferSelect;
/** A claimed delivery is someone's for this long; if that instance dies, another takes it over. */
export const CLAIM_MS = 60_000;
/** Deliveries claimed per round, attempts on the wire at once, and attempts recorded per transaction. */
const CLAIM_LIMIT = 500;
const PARALLEL = 64;
const RECORD_EVERY = 100;
/**
 * Fresh deliveries this instance holds in memory, already claimed, at most. Past it, fan-out leaves
 * them due in the table: a claim must not expire while the delivery still waits here.
 */
const HANDOFF_LIMIT = 2_000;

type Outcome = { delivery: Delivery; endpoint: Endpoint; startedAt: Date; finishedAt: Date; headers: Record<string, string>; result: PostResult; ok: boolean; delay: number | null };

/**
 * The dispatcher of one instance. Fan-out hands it the deliveries it just created, claimed in the same
 * insert, so a partner hears within moments of the commit without another read; what is due in the
 * table (retries, replays, work of a crashed instance) it claims itself (one statement, so instances
 * never take the same one). Either way a fixed number of attempts is on the wire at a time (a slow
 * endpoint holds one slot, not a whole batch) and results are recorded in chunks while sending goes on.
 */
export function createDispatcher(db: Db, guard: SsrfGuard) {
  const handedOff: Delivery[] = [];
  return {
    /** Room for fresh deliveries in memory (see HANDOFF_LIMIT). */
    room: () => HANDOFF_LIMIT - handedOff.length,
    handOff(deliveries: Delivery[]) { handedOff.push(...deliveries); },
    /** Sends what was handed off, then what is due; returns how many were attempted. */
    async dispatch(limit = CLAIM_LIMIT): Promise<number> {
      let total = 0;
      for (;;) {
        const fresh = handedOff.splice(0, limit);
        const claimed = fresh.length ? fresh : await claimDue(db, limit);
        if (!claimed.length) return total;
        await sendClaimed(db, guard, claimed);
        total += claimed.length;
        if (!fresh.length && claimed.length < limit) return total;
      }
    },
  };
}

async function claimDue(db: Db, limit: number): Promise<Delivery[]> {
  // Due by the database's clock: the rows' times come from it, in microseconds; a JavaScript Date
  // (milliseconds) taken right after an insert could still be "before" that row.
  return db.update(webhookDeliveries).set({ nextAttemptAt: sql`now() + ${`${CLAIM_MS} milliseconds`}::interval` })
    .where(inArray(webhookDeliveries.id, sql`(select id from webhook_deliveries where state = 'pending' and next_attempt_at <= now() order by next_attempt_at limit ${limit} for update skip locked)`))
    .returning();
}

async function sendClaimed(db: Db, guard: SsrfGuard, claimed: Delivery[]) {
  const endpoints = new Map((await db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, [...new Set(claimed.map((d) => d.endpointId))]))).map((e) => [e.id, e]));
  const live = claimed.filter((d) => endpoints.get(d.endpointId)?.enabled);
  const dead = claimed.filter((d) => !endpoints.get(d.endpointId)?.enabled);
  if (dead.length) await db.update(webhookDeliveries).set({ state: 'cancelled' }).where(inArray(webhookDeliveries.id, dead.map((d) => d.id)));
  let done: Outcome[] = [];
  let recording: Promise<void> = Promise.resolve();
  const record = () => { const chunk = done; done = []; if (chunk.length) recording = recording.then(() => recordOutcomes(db, chunk)); };
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(PARALLEL, live.length) }, async () => {
    while (next < live.length) {
      const delivery = live[next++]!;
      // Not `done.push(await …)`: that would read `done` before the await and push into a chunk
      // already handed to the recorder.
      const outcome = await sendDelivery(guard, delivery, endpoints.get(delivery.endpointId)!);
      done.push(outcome);
      if (done.length >= RECORD_EVERY) record();
    }
  }));
  record();
  await recording;
}

/** One attempt on the wire: sign, check the destination, post. Never throws. */
async function sendDelivery(guard: SsrfGuard, delivery: Delivery, endpoint: Endpoint): Promise<Outcome> {
  const startedAt = new Date();
  const body = JSON.stringify(delivery.payload);
  const secrets = [endpoint.secret, ...(endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > startedAt ? [endpoint.previousSecret] : [])];
  const headers = webhookHeaders(secrets, delivery.messageId, Math.floor(startedAt.getTime() / 1000), body);
  const url = new URL(endpoint.url);
  let result: PostResult;
  try {
    await guard.assertSafe(url);
    result = await postWebhook(url, headers, body, guard.lookup);
  } catch (err) {
    result = { status: null, bodyExcerpt: null, error: (err as Error).message, durationMs: 0 };
  }
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  webhookDeliveryAttempts.inc({ outcome: ok ? 'success' : 'failure' });
  return { delivery, endpoint, startedAt, finishedAt: new Date(), headers, result, ok, delay: ok ? null : nextAttemptDelay(delivery.attempts + 1) };
}

const deliveryState = (o: Outcome) => (o.ok ? 'delivered' : o.delay === null || o.result.status === 410 ? 'failed' : 'pending');

/** Logs the attempts and moves each delivery on: delivered, retry later, or given up; 410 disables the endpoint. */
async function recordOutcomes(db: Db, outcomes: Outcome[]) {
  if (!outcomes.length) return;
  await db.transaction(async (tx) => {
    // One parameter for the chunk instead of a placeholder per column per row: building those was
    // most of the cost of recording on the main thread.
    const attempts = JSON.stringify(outcomes.map((o) => ({
      delivery_id: o.delivery.id, at: o.startedAt, request_headers: { ...o.headers, 'webhook-signature': '(verborgen)' },
      response_status: o.result.status, response_body_excerpt: o.result.bodyExcerpt, error: o.result.error, duration_ms: o.result.durationMs,
    })));
    await tx.execute(sql`insert into ${webhookAttempts} (delivery_id, at, request_headers, response_status, response_body_excerpt, error, duration_ms)
      select * from jsonb_to_recordset(${attempts}::jsonb) as a(delivery_id uuid, at timestamptz, request_headers jsonb, response_status int, response_body_excerpt text, error text, duration_ms int)`);
    // One statement for the whole batch: per-row updates were the dispatcher's bottleneck on PGlite.
    const list = (values: (string | number)[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;
    await tx.execute(sql`
      update webhook_deliveries d set attempts = u.attempts, first_attempt_at = coalesce(d.first_attempt_at, u.started), state = u.state, next_attempt_at = u.next
      from unnest(${list(outcomes.map((o) => o.delivery.id))}::uuid[], ${list(outcomes.map((o) => o.delivery.attempts + 1))}::int[],
        ${list(outcomes.map((o) => o.startedAt.toISOString()))}::timestamptz[], ${list(outcomes.map(deliveryState))}::text[],
        ${list(outcomes.map((o) => new Date(o.finishedAt.getTime() + (o.delay ?? 0)).toISOString()))}::timestamptz[]) as u(id, attempts, started, state, next)
      where d.id = u.id`);
    const byEndpoint = new Map<string, Outcome[]>();
    for (const o of outcomes) byEndpoint.set(o.endpoint.id, [...(byEndpoint.get(o.endpoint.id) ?? []), o]);
    for (const list of byEndpoint.values()) {
      const endpoint = list[0]!.endpoint;
      const failures = list.filter((o) => !o.ok);
      if (failures.some((o) => o.result.status === 410)) { await disableEndpoint(tx, endpoint, 'Het endpoint antwoordde 410 Gone'); continue; }
      if (!failures.length) {
        if (endpoint.failingSince) await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
        continue;
      }
      if (!endpoint.failingSince) {
        await tx.update(webhookEndpoints).set({ failingSince: failures[0]!.startedAt }).where(and(eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.failingSince)));
      } else if (failures[0]!.startedAt.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
        await disableEndpoint(tx, endpoint, 'Het endpoint faalt al 5 dagen');
      }
    }
  });
}

/** Disables an endpoint, cancels what it still had pending, and tells the partner by email and event. */
async function disableEndpoint(tx: DbOrTx, endpoint: Endpoint, reason: string) {
  await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: reason }).where(eq(webhookEndpoints.id, endpoint.id));
  await tx.update(webhookDeliveries).set({ state: 'cancelled' }).where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.state, 'pending')));
  const partner = await findPartner(tx, endpoint.partnerId);
  if (partner) {
    await storeEmail(tx, { to: partner.email, subject: `Webhook-endpoint uitgeschakeld: ${endpoint.url}`, bodyText: `Beste ${partner.name},\n\nWe hebben uw webhook-endpoint ${endpoint.url} uitgeschakeld. Reden: ${reason}.\nU kunt het in het partnerportaal weer inschakelen en gemiste berichten opnieuw laten versturen.\n\nChargeCars` });
  }
  await emitEvent(tx, { type: 'webhook_endpoint.disabled', subjectType: 'webhook_endpoint', subjectId: endpoint.id, data: { endpointId: endpoint.id, url: endpoint.url, reason }, audience: { partnerId: endpoint.partnerId } });
}
