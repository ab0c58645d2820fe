import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';

/** Channel on which new in-app notifications are announced to the realtime hub of every instance. */
export const USER_NOTICES_CHANNEL = 'user_notices';

/** One new notification of one user: the hub tells only that user's sockets. */
export type UserNotice = { userId: string; notificationId: string };

/** Pairs per NOTIFY: a payload must stay under 8,000 bytes, and a pair is 73 characters. */
const NOTICES_PER_NOTIFY = 100;

/**
 * Announces notifications in the caller's transaction: PostgreSQL delivers the NOTIFY at commit only, so
 * a user is never told of a notification that rolled back.
 */
export async function announceUserNotices(tx: DbOrTx, notices: UserNotice[]): Promise<void> {
  for (let i = 0; i < notices.length; i += NOTICES_PER_NOTIFY) {
    const payload = notices
      .slice(i, i + NOTICES_PER_NOTIFY)
      .map((n) => `${n.userId}/${n.notificationId}`)
      .join(',');
    await tx.execute(sql`select pg_notify(${USER_NOTICES_CHANNEL}, ${payload})`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The notices a payload names; anything malformed is left out. */
export function userNoticesIn(payload: string): UserNotice[] {
  return payload
    .split(',')
    .map((pair) => pair.split('/'))
    .filter(([u, n]) => !!u && !!n && UUID.test(u) && UUID.test(n))
    .map(([userId, notificationId]) => ({ userId: userId!, notificationId: notificationId! }));
}
