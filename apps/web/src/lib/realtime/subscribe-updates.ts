import { z } from 'zod/mini';

// docs/api-foundation.md, Realtime: one message per domain event the user may see.
export const domainEventSchema = z.object({
  type: z.string(),
  id: z.string(),
  occurredAt: z.string(),
  data: z.optional(z.unknown()),
});
export type DomainEvent = z.infer<typeof domainEventSchema>;

const MAX_BACKOFF_MS = 30_000;

/**
 * Listens to `/api/subscribe/updates` (same origin, session cookie) and reconnects with
 * growing pauses when the connection drops (server restart, phone losing signal).
 * Returns a function that stops listening.
 */
export function subscribeUpdates(onEvent: (event: DomainEvent) => void, onReconnect?: () => void): () => void {
  if (typeof WebSocket === 'undefined') return () => {};
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/subscribe/updates`);
    socket.onopen = () => {
      // Events sent while we were away are lost: the caller refetches what it shows.
      if (attempt > 0) onReconnect?.();
      attempt = 0;
    };
    socket.onmessage = (message) => {
      try {
        const parsed = domainEventSchema.safeParse(JSON.parse(String(message.data)));
        if (parsed.success) onEvent(parsed.data);
      } catch {
        // A malformed frame is ignored; the next one may be fine.
      }
    };
    socket.onclose = () => {
      if (stopped) return;
      attempt++;
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempt - 1, 5)) * (0.5 + Math.random() / 2);
      timer = setTimeout(connect, delay);
    };
  };

  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
