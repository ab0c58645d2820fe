import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeUpdates, type DomainEvent } from '../lib/realtime/subscribe-updates';

// Which cached lists an event can make stale. Event names are matched loosely (by the
// aggregate word in the type, e.g. "order.stage_changed") so new event types still refresh.
const affected: [RegExp, string[][]][] = [
  [/order|quote|milestone/i, [['orders'], ['customers'], ['dashboard']]],
  [/visit|planning/i, [['visits'], ['orders'], ['dashboard']]],
  [/customer|note|interaction|lead|tag/i, [['customers'], ['dashboard']]],
  [/email|mail|notification/i, [['outbox']]],
];

function keysFor(event: DomainEvent): string[][] {
  const keys = affected.filter(([pattern]) => pattern.test(event.type)).flatMap(([, k]) => k);
  return keys.length ? keys : [['dashboard']];
}

/** Keeps what is on screen current: domain events from the server mark cached queries stale. */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return subscribeUpdates(
      (event) => {
        for (const queryKey of keysFor(event)) void queryClient.invalidateQueries({ queryKey });
      },
      () => void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' }),
    );
  }, [enabled, queryClient]);
}
