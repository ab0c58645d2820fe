import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { createGroupCommit } from '../../platform/group-commit.ts';
import { storeEmail } from '../../platform/mail.ts';
import { PLATFORM_BRAND } from '../../platform/messaging/templates/email-layout.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { webhookDeliveryAttempts } from '../../platform/metrics.ts';
import { findPartner, mailSettingsOf } from '../partners/index.ts';
import { webhookDeliveries, webhookEndpoints, webhookMessages } from './integrations.schema.ts';
import { webhookHeaders } from './webhook-signing.ts';
import { postWebhook, POST_TIMEOUT_MS, type PostResult } from './post-webhook.ts';
import { DISABLE_AFTER_FAILING_MS, nextAttemptDelay } from './retry-schedule.ts';
import type { SsrfGuard } from './ssrf-guard.ts';

type Delivery = typeof webhookDeliveries.$inferSelect;
type Endpoint = typeof webhookEndpoints.$inferSelect;
/** A claimed delivery with what is needed to send it: its endpoint and the message's exact bytes. */
export type Outgoing = { delivery: Delivery; endpoint: Endpoint; body: string };

/** A claimed delivery is someone's for this long; if that instance dies, another takes it over. */
export const CLAIM_MS = 60_000;
/** Deliveries claimed from the table per statement, attempts on the wire at once, attempts recorded per statement. */
const CLAIM_LIMIT = 500;
const PARALLEL = 64;
const RECORD_EVERY = 500;
/**
 * Claimed deliveries this instance holds in memory, at most (about two seconds of sending at full
 * speed). Past it, fan-out leaves new deliveries due in the table for whichever instance has room.
 */
const QUEUE_LIMIT = 10_000;
/** A delivery whose claim ends sooner than this is not started: another instance may take it over. */
const CLAIM_MARGIN_MS = POST_TIMEOUT_MS + 5_000;

type Outcome = {
  delivery: Delivery;
  endpoint: Endpoint;
  startedAt: Date;
  finishedAt: Date;
  headers: Record<string, string>;
  result: PostResult;
  ok: boolean;
  delay: number | null;
};

/**
 * The dispatcher of one instance: a pump that keeps a fixed number of attempts on the wire (a slow
 * endpoint holds one slot, not a batch) and records results in chunks while sending goes on. Fan-out
 * hands it the deliveries it just created, claimed in the same insert, so a partner hears within
 * moments of the commit without another read; what is due in the table (retries, replays, work of a
 * crashed instance, what did not fit in memory) `dispatch` claims (one statement, so instances never
 * take the same one).
 */
export function createDispatcher(db: Db, guard: SsrfGuard) {
  const queue: Outgoing[] = [];
  let head = 0;
  let inFlight = 0;
  let recordingCount = 0;
  let finished = 0;
  let recordError: unknown = null;
  let settledWaiters: (() => void)[] = [];
  // Results that arrive while a chunk is being recorded go together in the next one: the chunks grow
  // with the load, and one statement per chunk (not per result) is what keeps recording cheap.
  const recorder = createGroupCommit(async (outcomes: Outcome[]) => {
    await recordOutcomes(db, outcomes);
    return outcomes.map(() => undefined);
  }, RECORD_EVERY);

  const waiting = () => queue.length - head;
  const settledNow = () => waiting() === 0 && inFlight === 0 && recordingCount === 0;
  function wakeIfSettled() {
    if (!settledNow()) return;
    const waiters = settledWaiters;
    settledWaiters = [];
    for (const w of waiters) w();
  }

  function pump() {
    while (inFlight < PARALLEL && waiting() > 0) {
      const next = queue[head++]!;
      if (head > 4096 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      // Held in memory too long (a burst behind slow endpoints): the claim may run out mid-attempt,
      // and another instance would send it too. Leave it to be claimed from the table again.
      if (next.delivery.nextAttemptAt.getTime() - Date.now() < CLAIM_MARGIN_MS) continue;
      inFlight++;
      void sendDelivery(guard, next).then((outcome) => {
        inFlight--;
        recordingCount++;
        recorder
          .submit(outcome)
          .catch((err: unknown) => {
            recordError = err;
          })
          .finally(() => {
            recordingCount--;
            finished++;
            wakeIfSettled();
          });
        pump();
      });
    }
    wakeIfSettled();
  }

  function enqueue(outgoing: Outgoing[]) {
    for (const o of outgoing) queue.push(o);
    pump();
  }

  /** Resolves once nothing waits, nothing is on the wire and every result is recorded. */
  async function settled() {
    if (!settledNow()) await new Promise<void>((resolve) => settledWaiters.push(resolve));
    if (recordError) {
      const err = recordError;
      recordError = null;
      throw err;
    }
  }

  return {
    /** Room for fresh deliveries in memory (see QUEUE_LIMIT). */
    room: () => Math.max(0, QUEUE_LIMIT - waiting()),
    /** Deliveries fan-out just created and claimed: sent at once, in the order given. */
    handOff: enqueue,
    /** Claims and sends what is due, waits until everything in hand is sent and recorded; answers how many attempts finished meanwhile. */
    async dispatch(limit = CLAIM_LIMIT): Promise<number> {
      const before = finished;
      for (;;) {
        const room = Math.min(limit, QUEUE_LIMIT - waiting());
        if (room <= 0) {
          await settled();
          continue;
        }
        const claimed = await claimDue(db, room);
        enqueue(claimed);
        if (claimed.length < room) break;
      }
      await settled();
      return finished - before;
    },
  };
}

async function claimDue(db: Db, limit: number): Promise<Outgoing[]> {
  // Due by the database's clock: the rows' times come from it, in microseconds; a JavaScript Date
  // (milliseconds) taken right after an insert could still be "before" that row.
  const claimed = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: sql`now() + ${`${CLAIM_MS} milliseconds`}::interval` })
    .where(
      inArray(
        webhookDeliveries.id,
        sql`(select id from webhook_deliveries where state = 'pending' and next_attempt_at <= now() order by next_attempt_at limit ${limit} for update skip locked)`,
      ),
    )
    .returning();
  if (!claimed.length) return [];
  const endpoints = new Map(
    (
      await db
        .select()
        .from(webhookEndpoints)
        .where(inArray(webhookEndpoints.id, [...new Set(claimed.map((d) => d.endpointId))]))
    ).map((e) => [e.id, e]),
  );
  const dead = claimed.filter((d) => !endpoints.get(d.endpointId)?.enabled);
  if (dead.length)
    await db
      .update(webhookDeliveries)
      .set({ state: 'cancelled' })
      .where(
        inArray(
          webhookDeliveries.id,
          dead.map((d) => d.id),
        ),
      );
  const live = claimed
    .filter((d) => endpoints.get(d.endpointId)?.enabled)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (!live.length) return [];
  const messages = await db
    .select({ id: webhookMessages.id, payload: webhookMessages.payload })
    .from(webhookMessages)
    .where(inArray(webhookMessages.id, [...new Set(live.map((d) => d.messageId))]));
  const bodies = new Map(messages.map((m) => [m.id, JSON.stringify(m.payload)]));
  return live.map((delivery) => ({
    delivery,
    endpoint: endpoints.get(delivery.endpointId)!,
    body: bodies.get(delivery.messageId)!,
  }));
}

/** One attempt on the wire: sign, check the destination, post. Never throws. */
async function sendDelivery(guard: SsrfGuard, { delivery, endpoint, body }: Outgoing): Promise<Outcome> {
  const startedAt = new Date();
  const secrets = [
    endpoint.secret,
    ...(endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > startedAt
      ? [endpoint.previousSecret]
      : []),
  ];
  const headers = webhookHeaders(secrets, delivery.messageId, Math.floor(startedAt.getTime() / 1000), body);
  let result: PostResult;
  try {
    const url = new URL(endpoint.url);
    await guard.assertSafe(url);
    result = await postWebhook(url, headers, body, guard.lookup);
  } catch (err) {
    result = { status: null, bodyExcerpt: null, error: (err as Error).message, durationMs: 0 };
  }
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  webhookDeliveryAttempts.inc({ outcome: ok ? 'success' : 'failure' });
  return {
    delivery,
    endpoint,
    startedAt,
    finishedAt: new Date(),
    headers,
    result,
    ok,
    delay: ok ? null : nextAttemptDelay(delivery.attempts + 1),
  };
}

const deliveryState = (o: Outcome) =>
  o.ok ? 'delivered' : o.delay === null || o.result.status === 410 ? 'failed' : 'pending';

/** Logs the attempts and moves each delivery on: delivered, retry later, or given up; 410 disables the endpoint. */
async function recordOutcomes(db: Db, outcomes: Outcome[]) {
  if (!outcomes.length) return;
  // The whole chunk as one parameter and one statement (log and state together): a placeholder per
  // column per row, or a statement per row, was most of the cost of recording on the main thread.
  const chunk = JSON.stringify(
    outcomes.map((o) => ({
      delivery_id: o.delivery.id,
      at: o.startedAt,
      request_headers: { ...o.headers, 'webhook-signature': '(verborgen)' },
      response_status: o.result.status,
      response_body_excerpt: o.result.bodyExcerpt,
      error: o.result.error,
      duration_ms: o.result.durationMs,
      attempts: o.delivery.attempts + 1,
      state: deliveryState(o),
      next: new Date(o.finishedAt.getTime() + (o.delay ?? 0)),
    })),
  );
  const failing = outcomes.some((o) => !o.ok) || outcomes.some((o) => o.endpoint.failingSince);
  const recordChunk = async (tx: DbOrTx) => {
    await tx.execute(sql`
      with o as (
        select * from jsonb_to_recordset(${chunk}::jsonb) as o(delivery_id uuid, at timestamptz, request_headers jsonb, response_status int,
          response_body_excerpt text, error text, duration_ms int, attempts int, state text, next timestamptz)
      ), logged as (
        insert into webhook_attempts (delivery_id, at, request_headers, response_status, response_body_excerpt, error, duration_ms)
        select delivery_id, at, request_headers, response_status, response_body_excerpt, error, duration_ms from o
      )
      update webhook_deliveries d set attempts = o.attempts, first_attempt_at = coalesce(d.first_attempt_at, o.at), state = o.state, next_attempt_at = o.next
      from o where d.id = o.delivery_id and d.id = any(array(select delivery_id from o))`);
  };
  // All delivered to endpoints that were not failing (the usual case): nothing else changes.
  await db.transaction(async (tx) => {
    // The log may trail a crash by a moment: a delivery whose result was lost is still claimed and is
    // sent again when the claim ends (at least once, with its message id), so this commit need not
    // wait for its WAL to be flushed; the next ordinary commit flushes it anyway.
    await tx.execute(sql`set local synchronous_commit = off`);
    await recordChunk(tx);
    if (!failing) return;
    const byEndpoint = new Map<string, Outcome[]>();
    for (const o of outcomes) byEndpoint.set(o.endpoint.id, [...(byEndpoint.get(o.endpoint.id) ?? []), o]);
    for (const list of byEndpoint.values()) {
      const endpoint = list[0]!.endpoint;
      const failures = list.filter((o) => !o.ok);
      if (failures.some((o) => o.result.status === 410)) {
        await disableEndpoint(tx, endpoint, DISABLED.gone);
        continue;
      }
      if (!failures.length) {
        if (endpoint.failingSince)
          await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
        continue;
      }
      if (!endpoint.failingSince) {
        await tx
          .update(webhookEndpoints)
          .set({ failingSince: failures[0]!.startedAt })
          .where(and(eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.failingSince)));
      } else if (failures[0]!.startedAt.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
        await disableEndpoint(tx, endpoint, DISABLED.failing);
      }
    }
  });
}

/** Why an endpoint was switched off, in both languages: the endpoint keeps the Dutch, the partner reads its own. */
const DISABLED = {
  gone: { nl: 'Het endpoint antwoordde 410 Gone', en: 'The endpoint answered 410 Gone' },
  failing: { nl: 'Het endpoint faalt al 5 dagen', en: 'The endpoint has been failing for 5 days' },
} as const;

/**
 * Disables an endpoint, cancels what it still had pending, and tells the partner by email (to its contact
 * for e-mail, in that contact's language) and event.
 */
async function disableEndpoint(tx: DbOrTx, endpoint: Endpoint, why: (typeof DISABLED)[keyof typeof DISABLED]) {
  const reason = why.nl;
  await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason })
    .where(eq(webhookEndpoints.id, endpoint.id));
  await tx
    .update(webhookDeliveries)
    .set({ state: 'cancelled' })
    .where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.state, 'pending')));
  const partner = await findPartner(tx, endpoint.partnerId);
  const contact = partner ? await mailSettingsOf(tx, partner.id) : null;
  if (partner && contact) {
    await storeEmail(tx, {
      to: contact.email,
      ...(await renderMessage(tx, {
        type: 'partner_notice',
        language: contact.language,
        brand: PLATFORM_BRAND,
        values: { partnerName: partner.name, url: endpoint.url, reason: why[contact.language] },
      })),
    });
  }
  await emitEvent(tx, {
    type: 'webhook_endpoint.disabled',
    subjectType: 'webhook_endpoint',
    subjectId: endpoint.id,
    data: { endpointId: endpoint.id, url: endpoint.url, reason },
    audience: { partnerId: endpoint.partnerId },
  });
}
