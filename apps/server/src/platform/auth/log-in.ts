import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from './auth.schema.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { claimAttempt, clearFailures, PER_ACCOUNT, PER_ADDRESS, releaseAttempt } from './throttle.ts';
import { createSession, resolveSession, type SessionPolicy, type SessionUser } from './sessions.ts';

export type LogInResult =
  | { kind: 'ok'; token: string; csrfToken: string; user: SessionUser }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

/**
 * Password login for staff, technicians and partner users, with a growing wait per client address and
 * per account. The address is claimed first: an address hammering a waiting account slows itself down,
 * while the account's own wait grows only with the attempts that were really checked.
 */
export async function logIn(
  db: Db,
  policy: SessionPolicy,
  input: { email: string; password: string; ip: string; userAgent?: string | undefined },
): Promise<LogInResult> {
  const emailKey = `email:${input.email.toLowerCase()}`;
  const ipKey = `ip:${input.ip}`;
  const wait = (await claimAttempt(db, ipKey, PER_ADDRESS)) || (await claimAttempt(db, emailKey, PER_ACCOUNT));
  if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };

  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${input.email.toLowerCase()}`, eq(users.active, true)));
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await decoyHash(), input.password), false);
  // Both claims already counted this attempt as a failure.
  if (!user || !ok) return { kind: 'invalid' };
  await clearFailures(db, emailKey);
  await releaseAttempt(db, ipKey, PER_ADDRESS);
  const { token, csrfToken } = await createSession(db, user.id, policy, {
    ip: input.ip,
    ...(input.userAgent ? { userAgent: input.userAgent } : {}),
  });
  const resolved = await resolveSession(db, token, policy);
  return { kind: 'ok', token, csrfToken, user: resolved!.user };
}
