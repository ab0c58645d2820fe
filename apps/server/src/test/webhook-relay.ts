import { asc, desc, gt } from 'drizzle-orm';
import { outboxEvents } from '../platform/events/events.schema.ts';
import { relayedEvent } from '../platform/events/outbox-relay.ts';
import type { TestApp } from './test-app.ts';

/**
 * What the relay and the pg-boss worker do, run by hand: hand new outbox events to the webhook
 * subscriber, then dispatch. Each relay remembers the last event it handed on, so a test sees only its own.
 */
export function webhookRelay(t: TestApp) {
  let lastEventId = 0;
  return {
    /** Events written so far belong to earlier tests (or the fixtures): never relay them. */
    async skipEarlierEvents() {
      const [last] = await t.database.db
        .select({ id: outboxEvents.id })
        .from(outboxEvents)
        .orderBy(desc(outboxEvents.id))
        .limit(1);
      lastEventId = Math.max(lastEventId, last?.id ?? 0);
    },
    async relayAndDispatch() {
      const events = await t.database.db
        .select()
        .from(outboxEvents)
        .where(gt(outboxEvents.id, lastEventId))
        .orderBy(asc(outboxEvents.id));
      lastEventId = events.at(-1)?.id ?? lastEventId;
      const webhooks = t.built.workers.subscribers.find((s) => s.queue === 'event.webhooks');
      if (!webhooks?.inline) throw new Error('the webhook subscriber runs inline in the relay');
      const relayed = events.map(relayedEvent).filter((e) => webhooks.eventTypes.includes(e.type));
      if (relayed.length) await webhooks.handleBatch(relayed);
      await t.built.services.integrations.dispatch();
    },
  };
}
