import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { createGroupCommit } from '../group-commit.ts';
import { rateLimitWindows } from './http.schema.ts';

const MINUTE_MS = 60_000;
/** The longest window a limit may count in (login links: 15 minutes); the maintenance job keeps windows that long. */
export const LONGEST_WINDOW_MS = 15 * MINUTE_MS;

/** Thrown past the limit; the problem handler turns `retryAfterSeconds` into a Retry-After header. */
export class RateLimited extends AppError {
  constructor(public readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', `Te veel verzoeken; probeer het over ${retryAfterSeconds} s opnieuw`);
  }
}

type Hit = { bucket: string; windowStart: Date };

/**
 * Counts requests per caller per minute in a database row, so the limit holds across instances.
 * Hits that arrive together are counted with one statement (a group commit): each bucket's row goes up
 * by its number of hits, and each hit learns its own place in the count.
 */
export function createRateLimiter(db: Db) {
  const commit = createGroupCommit(async (hits: Hit[]): Promise<number[]> => {
    const perBucket = new Map<string, { bucket: string; windowStart: Date; hits: number }>();
    for (const h of hits) {
      const key = `${h.bucket}\n${h.windowStart.getTime()}`;
      const entry = perBucket.get(key) ?? { ...h, hits: 0 };
      entry.hits++;
      perBucket.set(key, entry);
    }
    const rows = await db
      .insert(rateLimitWindows)
      .values([...perBucket.values()])
      .onConflictDoUpdate({
        target: [rateLimitWindows.bucket, rateLimitWindows.windowStart],
        set: { hits: sql`${rateLimitWindows.hits} + excluded.hits` },
      })
      .returning({
        bucket: rateLimitWindows.bucket,
        windowStart: rateLimitWindows.windowStart,
        hits: rateLimitWindows.hits,
      });
    // The row's new total counts this batch's hits last: hand them the top of it, in arrival order.
    const next = new Map(
      rows.map((r) => {
        const key = `${r.bucket}\n${r.windowStart.getTime()}`;
        return [key, r.hits - perBucket.get(key)!.hits + 1];
      }),
    );
    return hits.map((h) => {
      const key = `${h.bucket}\n${h.windowStart.getTime()}`;
      const n = next.get(key)!;
      next.set(key, n + 1);
      return n;
    });
  });

  /** Counts one request in the caller's current window (a minute unless given) and refuses it past the limit. */
  return async function take(bucket: string, limit: number, windowMs = MINUTE_MS, now = new Date()): Promise<void> {
    if (windowMs > LONGEST_WINDOW_MS)
      throw new Error(`rate-limit window ${windowMs} ms is longer than the ${LONGEST_WINDOW_MS} ms kept`);
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const count = await commit.submit({ bucket, windowStart });
    if (count > limit) {
      throw new RateLimited(Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)));
    }
  };
}
export type TakeRateLimit = ReturnType<typeof createRateLimiter>;

/** Old windows are worth nothing; the maintenance job drops them. */
export async function purgeRateLimitWindows(db: Db, now = new Date()): Promise<void> {
  await db
    .delete(rateLimitWindows)
    .where(lt(rateLimitWindows.windowStart, new Date(now.getTime() - 2 * LONGEST_WINDOW_MS)));
}
