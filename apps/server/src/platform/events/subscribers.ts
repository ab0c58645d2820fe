import type { EventAudience } from './events.schema.ts';

/** An event as the relay hands it to a subscriber's queue. */
export type RelayedEvent = { eventId: string; type: string; subjectId: string; data: Record<string, unknown>; audience: EventAudience; occurredAt: string };

/**
 * A module's side effect of events: its pg-boss queue, the event types it wants, and its handler.
 * `inline` runs the handler in the relay itself, before the event is marked relayed (a failure leaves
 * it for the next relay pass): for cheap, idempotent work that should not wait for a queue poll.
 */
export type EventSubscriber = { queue: string; eventTypes: readonly string[]; inline?: boolean; handle(event: RelayedEvent): Promise<void> };

/** Work a module wants done on a schedule (cron, Europe/Amsterdam). */
export type ScheduledTask = { queue: string; cron: string; run(): Promise<void> };

/** Work a module runs continuously while workers run; `start` returns its stop function. */
export type BackgroundLoop = { name: string; start(onError: (err: unknown) => void): () => Promise<void> };

export type ModuleWorkers = { subscribers: EventSubscriber[]; schedules: ScheduledTask[]; loops: BackgroundLoop[] };

/** The relay's routing table: event type to the queues that subscribed. */
export function subscriptionMap(subscribers: readonly EventSubscriber[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of subscribers.filter((x) => !x.inline)) for (const type of s.eventTypes) map.set(type, [...(map.get(type) ?? []), s.queue]);
  return map;
}
