import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNull } from 'drizzle-orm';
import { createTestDatabase } from '../../test/test-database.ts';
import type { Database } from '../db/client.ts';
import { createJobs, type Jobs } from '../jobs.ts';
import { emitEvent } from './outbox.ts';
import { outboxEvents } from './events.schema.ts';
import { startOutboxRelay } from './outbox-relay.ts';
import type { RelayedEvent } from './subscribers.ts';

let database: Database & { url?: string; drop(): Promise<void> };
let jobs: Jobs;
beforeAll(async () => {
  database = await createTestDatabase();
  jobs = createJobs(database, database.url);
  await jobs.start();
});
afterAll(async () => {
  await jobs?.stop({ graceful: false, wait: true });
  await database?.drop();
});

describe('outbox relay to pg-boss', () => {
  it('delivers each committed event once to each subscribing queue, and none that rolled back', async () => {
    const seen: string[] = [];
    await jobs.createQueue('event.test-subscriber');
    await jobs.work('event.test-subscriber', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      seen.push((job!.data as { subjectId: string }).subjectId);
    });
    const relay = await startOutboxRelay(
      database,
      jobs,
      new Map([['customer.note_added', ['event.test-subscriber']]]),
      { error: () => undefined },
    );
    await database.db.transaction(async (tx) => {
      await emitEvent(tx, {
        type: 'customer.note_added',
        subjectType: 'customer',
        subjectId: 'committed',
        data: { noteId: randomUUID() },
        audience: { staffOnly: true },
      });
    });
    await database.db
      .transaction(async (tx) => {
        await emitEvent(tx, {
          type: 'customer.note_added',
          subjectType: 'customer',
          subjectId: 'rolled-back',
          data: { noteId: randomUUID() },
          audience: { staffOnly: true },
        });
        tx.rollback();
      })
      .catch(() => undefined);
    const end = Date.now() + 10_000;
    while (!seen.includes('committed') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    await relay.relay();
    await new Promise((r) => setTimeout(r, 1200));
    await relay.close();
    expect(seen).toEqual(['committed']);
    expect(await database.db.select().from(outboxEvents).where(isNull(outboxEvents.processedAt))).toHaveLength(0);
  });

  it('relays a stream of commits in order, each event once, a batch at a time instead of a pass per commit', async () => {
    const batches: string[][] = [];
    const subscriber = {
      queue: 'event.test-inline',
      eventTypes: ['quote.expired' as const],
      inline: true as const,
      handleBatch: async (events: RelayedEvent[]) => {
        batches.push(events.map((e) => e.subjectId));
      },
    };
    // A long gap, so the test does not depend on how fast this machine commits.
    const relay = await startOutboxRelay(database, jobs, new Map(), { error: () => undefined }, [subscriber], 5_000);
    const ticks = Array.from({ length: 10 }, (_, i) => `tick-${i}`);
    for (const tick of ticks) {
      await database.db.transaction(async (tx) =>
        emitEvent(tx, {
          type: 'quote.expired',
          subjectType: 'quote',
          subjectId: tick,
          data: { number: tick },
          audience: { staffOnly: true },
        }),
      );
    }
    const end = Date.now() + 20_000;
    while (batches.flat().length < ticks.length && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    await relay.close();
    expect(batches.flat()).toEqual(ticks);
    expect(batches).toHaveLength(1);
  });
});
