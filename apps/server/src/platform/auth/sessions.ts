import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions, users } from './auth.schema.ts';
import { hashToken, newToken } from './tokens.ts';
import type { Actor } from '../http/actor.ts';

export type SessionPolicy = { idleMinutes: number; maxHours: number };
export type SessionUser = Actor & { email: string; locale: 'nl' | 'en' };

export async function createSession(
  db: Db,
  userId: string,
  policy: SessionPolicy,
  meta: { ip?: string; userAgent?: string },
  now = new Date(),
) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
  });
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
  return { token, csrfToken };
}

/** A session is live when not ended, within 12 h of login and 30 min of its last request, and its user is active. */
const isLive = (policy: SessionPolicy, now: Date) =>
  and(
    isNull(sessions.endedAt),
    gt(sessions.expiresAt, now),
    gt(sessions.lastSeenAt, new Date(now.getTime() - policy.idleMinutes * 60_000)),
    eq(users.active, true),
  );

/**
 * Finds the live session for a cookie token. Touches last-seen at most once a minute to keep reads cheap.
 */
export async function resolveSession(db: Db, token: string, policy: SessionPolicy, now = new Date()) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isLive(policy, now)));
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  const u = row.user;
  const user: SessionUser = {
    userId: u.id,
    role: u.role,
    name: u.name,
    email: u.email,
    locale: u.locale,
    partnerId: u.partnerId,
    teamId: u.teamId,
    customerId: u.customerId,
  };
  return { sessionId: row.session.id, csrfToken: row.session.csrfToken, user };
}

/** Which of these sessions are still live; reading does not count as activity, so it keeps none alive. */
export async function liveSessionIds(
  db: Db,
  ids: readonly string[],
  policy: SessionPolicy,
  now = new Date(),
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(inArray(sessions.id, [...ids]), isLive(policy, now)));
  return new Set(rows.map((r) => r.id));
}

export async function endSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ endedAt: now }).where(eq(sessions.id, sessionId));
}
