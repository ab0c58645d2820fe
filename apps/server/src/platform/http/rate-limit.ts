import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { rateLimitWindows } from './http.schema.ts';

const WINDOW_MS = 60_000;

/** Thrown past the limit; the problem handler turns `retryAfterSeconds` into a Retry-After header. */
export class RateLimited extends AppError {
  constructor(public readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', `Te veel verzoeken; probeer het over ${retryAfterSeconds} s opnieuw`);
  }
}

/**
 * Counts one request in the caller's current minute and refuses it past the limit. The counter is a
 * database row, so the limit holds across instances.
 */
export async function takeRateLimit(db: Db, bucket: string, limitPerMinute: number, now = new Date()): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await db
    .insert(rateLimitWindows)
    .values({ bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimitWindows.bucket, rateLimitWindows.windowStart], set: { hits: sql`${rateLimitWindows.hits} + 1` } })
    .returning({ hits: rateLimitWindows.hits });
  if ((row?.hits ?? 0) > limitPerMinute) {
    throw new RateLimited(Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000)));
  }
}

/** Old windows are worth nothing; the maintenance job drops them. */
export async function purgeRateLimitWindows(db: Db, now = new Date()): Promise<void> {
  await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, new Date(now.getTime() - 2 * WINDOW_MS)));
}
