import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { asc, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { isStaff } from '../http/actor.ts';
import { forbidden } from '../errors.ts';
import { liveSessionIds, type SessionPolicy, type SessionUser } from '../auth/sessions.ts';
import { EVENTS_CHANNEL, notifiedIds } from './outbox.ts';
import { outboxEvents, type EventAudience } from './events.schema.ts';
import { USER_NOTICES_CHANNEL, userNoticesIn, type UserNotice } from './user-notices.ts';

/** May this user see an event with this audience? Staff see all; others only what is theirs. */
export function canSee(user: SessionUser, audience: EventAudience): boolean {
  if (isStaff(user)) return true;
  if (audience.staffOnly) return false;
  if (user.role === 'partner') return !!audience.partnerId && audience.partnerId === user.partnerId;
  if (user.role === 'customer') return !!audience.customerId && audience.customerId === user.customerId;
  if (user.role === 'technician') return !!audience.teamId && audience.teamId === user.teamId;
  return false;
}

/** How often sockets are checked against their sessions when no event comes to check them. */
const SESSION_CHECK_MS = 30_000;
/** The close code a client sees when its session ended (logout, idle, expiry, or a deactivated user). */
export const SESSION_ENDED = 4401;

export type RealtimeOptions = { publicUrl: string; policy: SessionPolicy };

/**
 * Pushes committed domain events to connected WebSocket clients. Every instance LISTENs on the
 * events channel, so an event committed through any instance reaches every subscriber. A socket lives
 * no longer than its session: logout through this instance closes it at once, and every push (and a
 * timer between pushes) first drops the sockets whose session ended anywhere.
 */
export async function startRealtime(app: FastifyInstance, database: Database, options: RealtimeOptions) {
  const clients = new Map<WebSocket, { user: SessionUser; sessionId: string }>();
  const allowedOrigin = new URL(options.publicUrl).origin;

  const end = (socket: WebSocket) => {
    clients.delete(socket);
    socket.close(SESSION_ENDED, 'session ended');
  };
  async function closeEndedSessions() {
    if (clients.size === 0) return;
    const live = await liveSessionIds(
      database.db,
      [...new Set([...clients.values()].map((c) => c.sessionId))],
      options.policy,
    );
    for (const [socket, { sessionId }] of clients) if (!live.has(sessionId)) end(socket);
  }
  async function push(ids: number[]) {
    await closeEndedSessions();
    if (clients.size === 0) return;
    const events = await database.db
      .select()
      .from(outboxEvents)
      .where(inArray(outboxEvents.id, ids))
      .orderBy(asc(outboxEvents.id));
    for (const event of events) {
      const notice = {
        type: event.type,
        id: event.eventId,
        occurredAt: event.occurredAt.toISOString(),
        subject: { type: event.subjectType, id: event.subjectId },
      };
      // The data goes to staff only. An event's data is written for staff (a quote's revision names
      // both parts' totals); portals only need to know what changed to refresh it, and then read it
      // through the API, which shows each reader their own part.
      const forStaff = JSON.stringify({ ...notice, data: event.data });
      const forOthers = JSON.stringify(notice);
      for (const [socket, { user }] of clients) {
        if (canSee(user, event.audience)) socket.send(isStaff(user) ? forStaff : forOthers);
      }
    }
  }

  const stop = await database.listen(EVENTS_CHANNEL, (payload) => {
    const ids = notifiedIds(payload);
    if (!ids.length || clients.size === 0) return;
    push(ids).catch((err) => app.log.error({ err }, 'realtime fan-out failed'));
  });
  // A new in-app notification goes to its own user's sockets only, and says no more than that it came:
  // the bell then reads the caller's notifications through the API, which shows each user only their own.
  async function tell(notices: UserNotice[]) {
    await closeEndedSessions();
    const occurredAt = new Date().toISOString();
    for (const { userId, notificationId } of notices)
      for (const [socket, { user }] of clients)
        if (user.userId === userId)
          socket.send(JSON.stringify({ type: 'notification.created', id: notificationId, occurredAt }));
  }
  const stopNotices = await database.listen(USER_NOTICES_CHANNEL, (payload) => {
    const notices = userNoticesIn(payload);
    if (!notices.length || clients.size === 0) return;
    tell(notices).catch((err) => app.log.error({ err }, 'realtime notification failed'));
  });
  const timer = setInterval(
    () => closeEndedSessions().catch((err) => app.log.error({ err }, 'realtime session check failed')),
    SESSION_CHECK_MS,
  );
  timer.unref();

  app.get(
    '/api/subscribe/updates',
    {
      websocket: true,
      config: { access: 'authenticated' },
      schema: { tags: ['realtime'], summary: 'WebSocket of domain events the caller may see' },
      // Browsers send the cookie with a WebSocket from any site, so a foreign page could listen in as the
      // user (cross-site WebSocket hijacking): only our own pages may open it. A client without Origin is
      // not a browser, so no other site can be driving it.
      onRequest: async (request) => {
        const origin = request.headers.origin;
        if (origin !== undefined && origin !== allowedOrigin)
          throw forbidden("Deze WebSocket is alleen voor pagina's van het platform zelf");
      },
    },
    (socket, request) => {
      clients.set(socket, { user: request.user!, sessionId: request.sessionId! });
      socket.send(JSON.stringify({ type: 'subscribed', occurredAt: new Date().toISOString() }));
      socket.on('close', () => clients.delete(socket));
    },
  );

  return {
    connections: () => clients.size,
    /** Closes this instance's sockets of a session that just ended, before the next check would. */
    sessionEnded(sessionId: string) {
      for (const [socket, client] of clients) if (client.sessionId === sessionId) end(socket);
    },
    async close() {
      clearInterval(timer);
      for (const socket of clients.keys()) socket.close(1001, 'server shutting down');
      await stop();
      await stopNotices();
    },
  };
}
