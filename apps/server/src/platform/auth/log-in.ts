import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from './auth.schema.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { clearFailures, lockedFor, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, recordFailure } from './throttle.ts';
import { createSession, resolveSession, type SessionPolicy, type SessionUser } from './sessions.ts';

export type LogInResult =
  | { kind: 'ok'; token: string; csrfToken: string; user: SessionUser }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

/** Password login for staff, technicians and partner users; throttled per email and per client address. */
export async function logIn(db: Db, policy: SessionPolicy, input: { email: string; password: string; ip: string; userAgent?: string | undefined }): Promise<LogInResult> {
  const emailKey = `email:${input.email.toLowerCase()}`;
  const ipKey = `ip:${input.ip}`;
  const wait = Math.max(await lockedFor(db, emailKey), await lockedFor(db, ipKey));
  if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };

  const [user] = await db.select().from(users).where(and(sql`lower(${users.email}) = ${input.email.toLowerCase()}`, eq(users.active, true)));
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await decoyHash(), input.password), false);
  if (!user || !ok) {
    await recordFailure(db, emailKey, MAX_FAILURES_PER_EMAIL);
    await recordFailure(db, ipKey, MAX_FAILURES_PER_IP);
    return { kind: 'invalid' };
  }
  await clearFailures(db, emailKey);
  const { token, csrfToken } = await createSession(db, user.id, policy, { ip: input.ip, ...(input.userAgent ? { userAgent: input.userAgent } : {}) });
  const resolved = await resolveSession(db, token, policy);
  return { kind: 'ok', token, csrfToken, user: resolved!.user };
}
