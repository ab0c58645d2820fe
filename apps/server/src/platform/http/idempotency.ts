import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { idempotencyRecords } from './http.schema.ts';
import { createGroupCommit } from '../group-commit.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Stored responses live at least this long (the issue asks 72 h). */
export const IDEMPOTENCY_TTL_MS = 72 * 3_600_000;
/** A request that holds its key longer than this is taken to have died; a retry may take over. */
const LEASE_MS = 30_000;
const KEY_RE = /^[\x21-\x7e]{1,255}$/;

/** The claim a request holds on its Idempotency-Key while it runs. */
export type IdempotencyClaim = { scope: string; key: string; completed: boolean };

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyClaim | null;
  }
}

/** Same body, different key order: same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const requestHash = (request: FastifyRequest) =>
  createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonical(request.body ?? null)}`)
    .digest('hex');

/**
 * Stores the response in the caller's transaction, so the change and its stored response commit
 * together: a crash leaves either both (a retry replays) or neither (a retry runs again).
 */
export async function completeIdempotency(
  tx: DbOrTx,
  claim: IdempotencyClaim | null,
  status: number,
  body: unknown,
): Promise<void> {
  await completeIdempotencyMany(tx, [{ claim, status, body }]);
}

/** The same for the requests of one group commit: one statement for all of them. */
export async function completeIdempotencyMany(
  tx: DbOrTx,
  entries: { claim: IdempotencyClaim | null; status: number; body: unknown }[],
): Promise<void> {
  const held = entries.filter((e): e is { claim: IdempotencyClaim; status: number; body: unknown } => e.claim !== null);
  if (!held.length) return;
  const rows = JSON.stringify(
    held.map((e) => ({ scope: e.claim.scope, key: e.claim.key, status: e.status, body: e.body })),
  );
  await tx.execute(sql`update idempotency_records r set state = 'done', response_status = u.status, response_body = u.body
    from jsonb_to_recordset(${rows}::jsonb) as u(scope text, key text, status int, body jsonb) where r.scope = u.scope and r.key = u.key`);
  for (const e of held) e.claim.completed = true;
}

export async function purgeIdempotencyRecords(db: Db, now = new Date()): Promise<void> {
  await db.delete(idempotencyRecords).where(lt(idempotencyRecords.expiresAt, now));
}

/**
 * Idempotency-Key on every POST of an API key or a logged-in user: the first response is stored and
 * replayed (`Idempotent-Replayed: true`); the same key with another body is a 422; a key whose
 * request still runs is a 409.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest('idempotency', null);
  // Claims of requests that arrive together go in one statement. Two requests with the same key in
  // one batch: the insert takes the first row and skips the second (it answers 409 or replays).
  const claims = createGroupCommit(async (rows: (typeof idempotencyRecords.$inferInsert)[]): Promise<boolean[]> => {
    const seen = new Set<string>();
    const firsts = rows.filter((r) => {
      const id = `${r.scope}\n${r.key}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    const won = await opts.db
      .insert(idempotencyRecords)
      .values(firsts)
      .onConflictDoNothing()
      .returning({ scope: idempotencyRecords.scope, key: idempotencyRecords.key });
    const wonIds = new Set(won.map((w) => `${w.scope}\n${w.key}`));
    return rows.map((r) => firsts.includes(r) && wonIds.has(`${r.scope}\n${r.key}`));
  });

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined) return;
    const scope = request.apiKey ? `key:${request.apiKey.keyId}` : request.user ? `user:${request.user.userId}` : null;
    if (!scope) return;
    if (typeof key !== 'string' || !KEY_RE.test(key)) {
      throw new AppError(400, 'invalid_idempotency_key', 'Idempotency-Key moet 1 tot 255 zichtbare ASCII-tekens zijn', [
        { field: 'header.idempotency-key', message: 'ongeldig' },
      ]);
    }
    const hash = requestHash(request);
    const now = new Date();
    if (
      await claims.submit({
        scope,
        key,
        requestHash: hash,
        leaseUntil: new Date(now.getTime() + LEASE_MS),
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      })
    ) {
      request.idempotency = { scope, key, completed: false };
      return;
    }
    await answerFromExisting(request, reply, scope, key, hash, now);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim || claim.completed) return payload;
    claim.completed = true;
    const where = and(eq(idempotencyRecords.scope, claim.scope), eq(idempotencyRecords.key, claim.key));
    // A refused request changed nothing: release the key so a corrected retry is not stuck with the refusal.
    if (reply.statusCode >= 300) await opts.db.delete(idempotencyRecords).where(where);
    else
      await opts.db
        .update(idempotencyRecords)
        .set({ state: 'done', responseStatus: reply.statusCode, responseBody: parseJson(payload) })
        .where(where);
    return payload;
  });

  async function answerFromExisting(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: string,
    key: string,
    hash: string,
    now: Date,
  ) {
    const where = and(eq(idempotencyRecords.scope, scope), eq(idempotencyRecords.key, key));
    const [existing] = await opts.db.select().from(idempotencyRecords).where(where);
    if (!existing)
      throw new AppError(
        409,
        'idempotency_in_flight',
        'Een verzoek met deze Idempotency-Key loopt nog; probeer het zo opnieuw',
      );
    if (existing.requestHash !== hash) {
      throw new AppError(422, 'idempotency_key_reused', 'Deze Idempotency-Key is al gebruikt voor een ander verzoek', [
        { field: 'header.idempotency-key', message: 'al gebruikt met een andere body' },
      ]);
    }
    if (existing.state === 'done') {
      return reply
        .status(existing.responseStatus ?? 200)
        .header('idempotent-replayed', 'true')
        .send(existing.responseBody);
    }
    // The first request died without finishing: nothing of it committed, so this one may run it.
    const taken = await opts.db
      .update(idempotencyRecords)
      .set({ leaseUntil: new Date(now.getTime() + LEASE_MS) })
      .where(and(where, eq(idempotencyRecords.state, 'in_flight'), lt(idempotencyRecords.leaseUntil, now)))
      .returning({ key: idempotencyRecords.key });
    if (!taken.length)
      throw new AppError(
        409,
        'idempotency_in_flight',
        'Een verzoek met deze Idempotency-Key loopt nog; probeer het zo opnieuw',
      );
    request.idempotency = { scope, key, completed: false };
  }
});

function parseJson(payload: unknown): unknown {
  if (typeof payload !== 'string') return null;
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}
