import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { asc, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { isStaff } from '../http/actor.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { EVENTS_CHANNEL, notifiedIds } from './outbox.ts';
import { outboxEvents, type EventAudience } from './events.schema.ts';

/** May this user see an event with this audience? Staff see all; others only what is theirs. */
export function canSee(user: SessionUser, audience: EventAudience): boolean {
  if (isStaff(user)) return true;
  if (audience.staffOnly) return false;
  if (user.role === 'partner') return !!audience.partnerId && audience.partnerId === user.partnerId;
  if (user.role === 'customer') return !!audience.customerId && audience.customerId === user.customerId;
  if (user.role === 'technician') return !!audience.teamId && audience.teamId === user.teamId;
  return false;
}

/**
 * Pushes committed domain events to connected WebSocket clients. Every instance LISTENs on the
 * events channel, so an event committed through any instance reaches every subscriber.
 */
export async function startRealtime(app: FastifyInstance, database: Database) {
  const clients = new Map<WebSocket, SessionUser>();
  const stop = await database.listen(EVENTS_CHANNEL, (payload) => {
    const ids = notifiedIds(payload);
    if (!ids.length || clients.size === 0) return;
    void database.db.select().from(outboxEvents).where(inArray(outboxEvents.id, ids)).orderBy(asc(outboxEvents.id)).then((events) => {
      for (const event of events) {
        const message = JSON.stringify({ type: event.type, id: event.eventId, occurredAt: event.occurredAt.toISOString(), subject: { type: event.subjectType, id: event.subjectId }, data: event.data });
        for (const [socket, user] of clients) if (canSee(user, event.audience)) socket.send(message);
      }
    }).catch((err) => app.log.error({ err }, 'realtime fan-out failed'));
  });

  app.get('/api/subscribe/updates', { websocket: true, config: { access: 'authenticated' }, schema: { tags: ['realtime'], summary: 'WebSocket of domain events the caller may see' } }, (socket, request) => {
    clients.set(socket, request.user!);
    socket.send(JSON.stringify({ type: 'subscribed', occurredAt: new Date().toISOString() }));
    socket.on('close', () => clients.delete(socket));
  });

  return {
    connections: () => clients.size,
    async close() {
      for (const socket of clients.keys()) socket.close(1001, 'server shutting down');
      await stop();
    },
  };
}
