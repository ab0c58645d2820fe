import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, NotificationInbox, NotificationsRead, Problem } from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { NotificationBell } from './notification-inbox.ts';

/** The bell of every portal: each signed-in user reads and marks only their own notifications. */
export function notificationBellRoutes(app: FastifyInstance, bell: NotificationBell) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "The caller's latest in-app notifications and unread count",
        response: { 200: NotificationInbox },
      },
    },
    (request) => bell.inbox(actorOf(request)),
  );
  r.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: IdParams,
        response: { 200: NotificationsRead, 404: Problem },
      },
    },
    (request) => bell.markRead(actorOf(request), request.params.id),
  );
  r.post(
    '/api/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Mark all your notifications read', response: { 200: NotificationsRead } },
    },
    (request) => bell.markAllRead(actorOf(request)),
  );
}
