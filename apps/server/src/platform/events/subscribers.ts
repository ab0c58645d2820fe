import type { DomainEvent, DomainEventType } from '@chargecars/contract';
import type { EventAudience } from './events.schema.ts';

/** An event as the relay hands it to a subscriber's queue: one of the types `T`, with its data. */
export type RelayedEvent<T extends DomainEventType = DomainEventType> = Extract<DomainEvent, { type: T }> & {
  eventId: string;
  subjectId: string;
  audience: EventAudience;
  occurredAt: string;
};

/**
 * A module's side effect of events: its pg-boss queue, the event types it wants, and its handler.
 * An inline subscriber runs in the relay itself, on every relayed batch of its events at once, before
 * they are marked relayed (a failure leaves them for the next relay pass): for cheap, idempotent work
 * that should not wait for a queue poll.
 */
export type EventSubscriber<T extends DomainEventType = DomainEventType> =
  | { queue: string; eventTypes: readonly T[]; inline?: false; handle(event: RelayedEvent<T>): Promise<void> }
  | { queue: string; eventTypes: readonly T[]; inline: true; handleBatch(events: RelayedEvent<T>[]): Promise<void> };
/** Declares a subscriber so that its handler is typed with exactly the events it subscribes to. */
export const subscribeTo = <const T extends DomainEventType>(subscriber: EventSubscriber<T>): EventSubscriber =>
  subscriber;
export type InlineSubscriber = Extract<EventSubscriber, { inline: true }>;
export type QueuedSubscriber = Exclude<EventSubscriber, { inline: true }>;

/** Work a module wants done on a schedule (cron, Europe/Amsterdam). */
export type ScheduledTask = { queue: string; cron: string; run(): Promise<void> };

/** Work a module runs continuously while workers run; `start` returns its stop function. */
export type BackgroundLoop = { name: string; start(onError: (err: unknown) => void): () => Promise<void> };

export type ModuleWorkers = { subscribers: EventSubscriber[]; schedules: ScheduledTask[]; loops: BackgroundLoop[] };

/** The relay's routing table: event type to the queues that subscribed. */
export function subscriptionMap(subscribers: readonly EventSubscriber[]): Map<DomainEventType, string[]> {
  const map = new Map<DomainEventType, string[]>();
  for (const s of subscribers.filter((x): x is QueuedSubscriber => !x.inline))
    for (const type of s.eventTypes) map.set(type, [...(map.get(type) ?? []), s.queue]);
  return map;
}
