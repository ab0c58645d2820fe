import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { notifications } from './notifications.schema.ts';

/** The bell shows this many of the latest; older ones stay, read or not, and still count as unread. */
export const INBOX_SIZE = 20;

const unreadOf = async (db: DbOrTx, userId: string) =>
  (
    await db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  )[0]!.n;

/** The caller's latest notifications and their unread count: every query is held to the caller's own user. */
export async function notificationInbox(db: Db, actor: Actor) {
  const [rows, unreadCount] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, actor.userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(INBOX_SIZE),
    unreadOf(db, actor.userId),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      type: n.type,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    unreadCount,
  };
}

/** Marks one of the caller's notifications read; another user's is not found (its existence stays hidden). */
export async function markNotificationRead(db: Db, actor: Actor, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [n] = await tx
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)));
    if (!n) throw notFound('Melding', 'Notification');
    const marked = n.readAt
      ? 0
      : (await tx.update(notifications).set({ readAt: now }).where(eq(notifications.id, id)).returning()).length;
    return { marked, unreadCount: await unreadOf(tx, actor.userId) };
  });
}

/** Marks every unread notification of the caller read. */
export async function markAllNotificationsRead(db: Db, actor: Actor, now = new Date()) {
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length, unreadCount: 0 };
}

/** The bell's use cases on one database, as its routes call them. */
export const createNotificationBell = (db: Db) => ({
  inbox: (actor: Actor) => notificationInbox(db, actor),
  markRead: (actor: Actor, id: string) => markNotificationRead(db, actor, id),
  markAllRead: (actor: Actor) => markAllNotificationsRead(db, actor),
});
export type NotificationBell = ReturnType<typeof createNotificationBell>;
