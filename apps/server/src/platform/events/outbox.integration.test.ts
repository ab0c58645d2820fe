import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../test/test-database.ts';
import type { Database } from '../db/client.ts';
import { emitEvent, EventPayloadError, type OutboxEvent } from './outbox.ts';
import { outboxEvents } from './events.schema.ts';

let database: Database & { url?: string; drop(): Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const noteAdded = (subjectId: string): OutboxEvent => ({
  type: 'customer.note_added',
  subjectType: 'customer',
  subjectId,
  data: { noteId: randomUUID() },
  audience: { staffOnly: true },
});
const stored = (subjectIds: string[]) =>
  database.db
    .select({ id: outboxEvents.id, subjectId: outboxEvents.subjectId })
    .from(outboxEvents)
    .where(inArray(outboxEvents.subjectId, subjectIds));

describe('emitting a domain event', () => {
  it("refuses data that does not match its type's schema, and the change rolls back with it", async () => {
    const subjectId = randomUUID();
    const emitting = database.db.transaction(async (tx) => {
      // @ts-expect-error quote.sent carries a number and a version: the typecheck refuses this too.
      await emitEvent(tx, {
        type: 'quote.sent',
        subjectType: 'quote',
        subjectId,
        data: { number: 'OFF-2026-000001' },
        audience: { staffOnly: true },
      });
    });
    await expect(emitting).rejects.toBeInstanceOf(EventPayloadError);
    await expect(emitting).rejects.toThrow(/quote\.sent.*version/);
    expect(await stored([subjectId])).toEqual([]);
  });

  it('refuses a key the schema does not name, so nothing reaches partners unannounced', async () => {
    const subjectId = randomUUID();
    const data = { number: 'OFF-2026-000001', version: 1, customerTotalCents: 1000 };
    const emitting = database.db.transaction((tx) =>
      emitEvent(tx, { type: 'quote.sent', subjectType: 'quote', subjectId, data, audience: { staffOnly: true } }),
    );
    await expect(emitting).rejects.toThrow(/customerTotalCents/);
    expect(await stored([subjectId])).toEqual([]);
  });

  it('stores an event whose data matches', async () => {
    const subjectId = randomUUID();
    await database.db.transaction((tx) => emitEvent(tx, noteAdded(subjectId)));
    expect(await stored([subjectId])).toHaveLength(1);
  });
});

describe('the outbox id as a cursor', () => {
  it('gives ids in commit order when transactions commit one after another', async () => {
    const subjects = Array.from({ length: 5 }, () => randomUUID());
    for (const s of subjects) await database.db.transaction((tx) => emitEvent(tx, noteAdded(s)));
    const rows = await stored(subjects);
    expect(rows.sort((a, b) => a.id - b.id).map((r) => r.subjectId)).toEqual(subjects);
  });

  // docs/ARCHITECTURE.md, "The outbox id as a sync cursor": why a reader may not simply remember the
  // highest id it saw. On PGlite transactions never overlap, so this only happens on PostgreSQL.
  it.runIf(!!process.env.DATABASE_URL)(
    'can make a smaller id visible after a larger one when transactions overlap',
    async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      let emitted!: () => void;
      let release!: () => void;
      const firstEmitted = new Promise<void>((r) => {
        emitted = r;
      });
      const released = new Promise<void>((r) => {
        release = r;
      });
      const slow = database.db.transaction(async (tx) => {
        await emitEvent(tx, noteAdded(first));
        emitted();
        await released;
      });
      await firstEmitted;
      await database.db.transaction((tx) => emitEvent(tx, noteAdded(second)));
      const seenMeanwhile = await stored([first, second]);
      release();
      await slow;
      const [a, b] = (await stored([first, second])).sort((x, y) => x.id - y.id);
      expect([a!.subjectId, b!.subjectId]).toEqual([first, second]);
      // A reader that ran in between saw only the larger id: with "id > last seen" it would skip the smaller one forever.
      expect(seenMeanwhile).toEqual([{ id: b!.id, subjectId: second }]);
    },
  );
});
