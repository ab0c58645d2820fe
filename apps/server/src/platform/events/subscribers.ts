import type { EventAudience } from './events.schema.ts';

/** An event as the relay hands it to a subscriber's queue. */
export type RelayedEvent = { eventId: string; type: string; subjectId: string; data: Record<string, unknown>; audience: EventAudience; occurredAt: string };

/**
 * A module's side effect of events: its pg-boss queue, the event types it wants, and its handler.
 * An inline subscriber runs in the relay itself, on every relayed batch of its events at once, before
 * they are marked relayed (a failure leaves them for the next relay pass): for cheap, idempotent work
 * that should not wait for a queue poll.
 */
export type EventSubscriber =
  | { queue: string; eventTypes: readonly string[]; inline?: false; handle(event: RelayedEvent): Promise<void> }
  | { queue: string; eventTypes: readonly string[]; inline: true; handleBatch(events: RelayedEvent[]): Promise<void> };
export type InlineSubscriber = Extract<EventSubscriber, { inline: true }>;
export type QueuedSubscriber = Exclude<EventSubscriber, { inline: true }>;

/** Work a module wants done on a schedule (cron, Europe/Amsterdam). */
export type ScheduledTask = { queue: string; cron: string; run(): Promise<void> };

/** Work a module runs continuously while workers run; `start` returns its stop function. */
export type BackgroundLoop = { name: string; start(onError: (err: unknown) => void): () => Promise<void> };

export type ModuleWorkers = { subscribers: EventSubscriber[]; schedules: ScheduledTask[]; loops: BackgroundLoop[] };

/** The relay's routing table: event type to the queues that subscribed. */
export function subscriptionMap(subscribers: readonly EventSubscriber[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of subscribers.filter((x): x is QueuedSubscriber => !x.inline)) for (const type of s.eventTypes) map.set(type, [...(map.get(type) ?? []), s.queue]);
  return map;
}
