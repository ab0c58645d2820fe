import { asc, inArray, isNull } from 'drizzle-orm';
import type { DomainEventType } from '@chargecars/contract';
import type { Database, DbOrTx } from '../db/client.ts';
import type { Jobs } from '../jobs.ts';
import { outboxEvents } from './events.schema.ts';
import { EVENTS_CHANNEL } from './outbox.ts';
import type { InlineSubscriber, RelayedEvent } from './subscribers.ts';

export const EVENT_JOB_PREFIX = 'event.';

/**
 * Moves committed outbox events to pg-boss, one job per subscribing queue, so side effects (email,
 * webhooks) run after commit, retried, never lost. A crash between sending and marking sends again;
 * the singleton key makes the resend a no-op.
 */
const BATCH = 200;
/**
 * A notification that arrives within this time of the last pass's start waits for its end, so a
 * stream of commits (intake at hundreds of leads a second commits dozens of times a second) is
 * relayed in a few passes of many events instead of one read, fan-out and update per commit, each
 * taking the embedded database's one thread from intake.
 */
export const RELAY_GAP_MS = 50;

/** An outbox row as subscribers get it. Only emitEvents writes the rows, and it checked each one's data against its type's schema. */
export const relayedEvent = (row: typeof outboxEvents.$inferSelect) =>
  ({
    eventId: row.eventId,
    type: row.type,
    subjectId: row.subjectId,
    data: row.data,
    audience: row.audience,
    occurredAt: row.occurredAt.toISOString(),
  }) as RelayedEvent;

export async function startOutboxRelay(
  database: Database,
  jobs: Jobs,
  subscriptions: Map<DomainEventType, string[]>,
  log: { error: (o: object, m: string) => void },
  inline: readonly InlineSubscriber[] = [],
  gapMs = RELAY_GAP_MS,
) {
  let running = false;
  let again = false;
  let lastPassAt = 0;
  let waiting: NodeJS.Timeout | null = null;
  const relayBatch = async (db: DbOrTx, lock: boolean): Promise<number> => {
    const query = db
      .select()
      .from(outboxEvents)
      .where(isNull(outboxEvents.processedAt))
      .orderBy(asc(outboxEvents.id))
      .limit(BATCH);
    const batch = lock ? await query.for('update', { skipLocked: true }) : await query;
    const relayed = batch.map(relayedEvent);
    for (const s of inline) {
      const theirs = relayed.filter((e) => s.eventTypes.includes(e.type));
      if (theirs.length) await s.handleBatch(theirs);
    }
    for (const event of relayed) {
      for (const queue of subscriptions.get(event.type) ?? []) {
        await jobs.send(queue, event, {
          singletonKey: `${queue}:${event.eventId}`,
          retryLimit: 10,
          retryBackoff: true,
        });
      }
    }
    if (batch.length)
      await db
        .update(outboxEvents)
        .set({ processedAt: new Date() })
        .where(
          inArray(
            outboxEvents.id,
            batch.map((e) => e.id),
          ),
        );
    return batch.length;
  };
  const relay = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        lastPassAt = Date.now();
        // On PostgreSQL several instances relay at once: row locks with SKIP LOCKED split the work.
        // PGlite has one connection and one instance, so a plain read is enough (and a transaction
        // there would block pg-boss' own queries on the same connection).
        const count =
          database.driver === 'postgres'
            ? await database.db.transaction(async (tx) => relayBatch(tx, true))
            : await relayBatch(database.db, false);
        if (count === BATCH) again = true;
      } while (again);
    } catch (err) {
      log.error({ err }, 'outbox relay failed; will retry');
    } finally {
      running = false;
    }
  };
  const onCommitted = () => {
    if (waiting) return;
    const wait = lastPassAt + gapMs - Date.now();
    if (wait <= 0) return void relay();
    waiting = setTimeout(() => {
      waiting = null;
      void relay();
    }, wait);
  };
  const stopListening = await database.listen(EVENTS_CHANNEL, onCommitted);
  // The poll catches events committed while no instance was listening.
  const timer = setInterval(() => void relay(), 5_000);
  await relay();
  return {
    relay,
    async close() {
      clearInterval(timer);
      await stopListening();
      if (waiting) clearTimeout(waiting);
      while (running) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
