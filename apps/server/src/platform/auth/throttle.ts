import { eq, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginThrottles } from './auth.schema.ts';

/**
 * How a key's wait grows: a few attempts free, then 1 s, 2 s, 4 s ... up to a cap. The cap is what a
 * stranger can cost an account's owner, so it stays short for accounts (anyone may guess at any
 * account, from many addresses) and longer for an address (it only slows that address down).
 */
export type ThrottlePolicy = { freeAttempts: number; maxDelaySeconds: number };
export const PER_ACCOUNT: ThrottlePolicy = { freeAttempts: 5, maxDelaySeconds: 60 };
// Offices and mobile carriers put many people behind one address: more free attempts.
export const PER_ADDRESS: ThrottlePolicy = { freeAttempts: 20, maxDelaySeconds: 300 };

/** A run of failures is forgotten this long after it began, or once waiting, after its last wait ended. */
const QUIET_MS = 15 * 60_000;

const t = loginThrottles;

/**
 * When the next attempt may come after `failures` counted ones; null while attempts are free, so
 * parallel free attempts never refuse each other over a few milliseconds of clock.
 */
const nextAttemptAt = (now: Date, failures: SQL, policy: ThrottlePolicy) =>
  sql`case when ${failures} >= ${policy.freeAttempts}::int
    then ${now.toISOString()}::timestamptz + least(${policy.maxDelaySeconds}::int, power(2, ${failures} - ${policy.freeAttempts}::int)) * interval '1 second' end`;

/**
 * Claims one attempt for a key in a single statement: refused while the key's wait runs, otherwise
 * counted as a failure before the password is checked, with the next wait set in the same row update.
 * Parallel attempts therefore queue on the row, and no more get through than the policy allows.
 * Returns 0 when the attempt may go ahead, or the seconds to wait.
 */
export async function claimAttempt(db: Db, key: string, policy: ThrottlePolicy, now = new Date()): Promise<number> {
  const forgotten = sql`coalesce(${t.lockedUntil}, ${t.windowStartedAt}) < ${new Date(now.getTime() - QUIET_MS).toISOString()}::timestamptz`;
  const failures = sql`case when ${forgotten} then 1 else ${t.failures} + 1 end`;
  const claimed = await db
    .insert(t)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: nextAttemptAt(now, sql`1`, policy) })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${forgotten} then ${now.toISOString()}::timestamptz else ${t.windowStartedAt} end`,
        lockedUntil: nextAttemptAt(now, failures, policy),
      },
      setWhere: or(isNull(t.lockedUntil), lte(t.lockedUntil, now)),
    })
    .returning({ failures: t.failures });
  if (claimed.length) return 0;
  const [row] = await db.select({ lockedUntil: t.lockedUntil }).from(t).where(eq(t.key, key));
  return Math.max(1, Math.ceil(((row?.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
}

/**
 * The attempt was the right password: no failure after all, so the address is back where it was before
 * it (an office's colleagues logging in do not slow each other down).
 */
export async function releaseAttempt(db: Db, key: string, policy: ThrottlePolicy, now = new Date()): Promise<void> {
  const failures = sql`greatest(${t.failures} - 1, 0)`;
  await db
    .update(t)
    .set({ failures, lockedUntil: nextAttemptAt(now, failures, policy) })
    .where(eq(t.key, key));
}

/** The owner got in: the account's run of failures is over. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(t).where(eq(t.key, key));
}
