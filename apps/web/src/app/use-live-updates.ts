import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { invalidatedBy } from './event-invalidations';

/**
 * Events arriving within this time refresh each affected query once: a burst of leads (hundreds a
 * second through the Partner API) would otherwise cancel and restart the inbox's fetch on every
 * event, and it might never finish loading.
 */
const COALESCE_MS = 250;

/** Keeps what is on screen current: domain events from the server mark cached queries stale. */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const pending = new Map<string, QueryKey>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      for (const queryKey of pending.values()) void queryClient.invalidateQueries({ queryKey });
      pending.clear();
    };
    // Loaded after the page: the socket and its message schema are not needed to show the first content.
    let stop: (() => void) | undefined;
    let ended = false;
    void import('../lib/realtime/subscribe-updates').then(({ subscribeUpdates }) => {
      if (ended) return;
      stop = subscribeUpdates(
        (event) => {
          for (const queryKey of invalidatedBy(event.type)) pending.set(JSON.stringify(queryKey), queryKey);
          timer ??= setTimeout(flush, COALESCE_MS);
        },
        () => void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' }),
      );
    });
    return () => {
      ended = true;
      clearTimeout(timer);
      stop?.();
    };
  }, [enabled, queryClient]);
}
