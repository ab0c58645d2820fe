import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.schema.ts';
import { announceUserNotices } from '../../platform/events/user-notices.ts';
import { notifications } from './notifications.schema.ts';
import { noticesOf, type NotifyingEvent, type Recipients } from './notification-rules.ts';

const whoIs = (to: Recipients): SQL =>
  'roles' in to
    ? inArray(users.role, [...to.roles])
    : 'partnerId' in to
      ? and(eq(users.role, 'partner'), eq(users.partnerId, to.partnerId))!
      : and(eq(users.role, 'customer'), eq(users.customerId, to.customerId))!;

/**
 * Turns an event into the in-app notifications of the active users it concerns, each written in that
 * user's language, and announces them to the realtime hub in the same transaction. Handling the same
 * event again adds nothing: a notification's key is the event and its recipient.
 */
export async function notifyUsersOf(db: Db, event: NotifyingEvent): Promise<number> {
  const notices = noticesOf(event);
  if (!notices.length) return 0;
  return db.transaction(async (tx) => {
    const rows = [];
    for (const notice of notices) {
      const recipients = await tx
        .select({ id: users.id, locale: users.locale })
        .from(users)
        .where(and(eq(users.active, true), whoIs(notice.to)));
      for (const r of recipients)
        rows.push({
          userId: r.id,
          type: event.type,
          ...notice.text[r.locale],
          link: notice.link,
          dedupeKey: `${event.eventId}:${r.id}`,
        });
    }
    if (!rows.length) return 0;
    const made = await tx
      .insert(notifications)
      .values(rows)
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id, userId: notifications.userId });
    await announceUserNotices(
      tx,
      made.map((m) => ({ userId: m.userId, notificationId: m.id })),
    );
    return made.length;
  });
}
