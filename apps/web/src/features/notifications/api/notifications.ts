import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NotificationInbox, NotificationsRead } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** GET /api/notifications: the caller's latest notifications and unread count. */
export const notificationInboxEndpoint = endpoint('GET', '/api/notifications', NotificationInbox);
/** POST /api/notifications/:id/read: one of the caller's notifications read. */
export const markNotificationReadEndpoint = endpoint('POST', '/api/notifications/:id/read', NotificationsRead);
/** POST /api/notifications/read-all: every notification of the caller read. */
export const markAllNotificationsReadEndpoint = endpoint('POST', '/api/notifications/read-all', NotificationsRead);

// A live notice (the WebSocket's `notification.created`) makes this key stale: app/event-invalidations.ts.
const inboxKey = ['notifications', 'inbox'];

export function useNotificationInbox() {
  return useQuery({
    queryKey: inboxKey,
    queryFn: ({ signal }) => request(notificationInboxEndpoint, { signal }),
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(markNotificationReadEndpoint, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(markAllNotificationsReadEndpoint),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKey }),
  });
}
