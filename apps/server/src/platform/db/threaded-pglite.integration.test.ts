import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.ts';
import { rawRows } from './raw-rows.ts';

const things = pgTable('things', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

const THINGS = `
  create table things (id int primary key, name text not null unique, at timestamptz not null default now(), tags text[], info jsonb);
  create table parts (id int primary key, thing_id int not null references things (id));`;

// The server's embedded database runs in a worker thread; everything the platform asks of it must
// behave as it does in-process: results and their types, transactions, errors, notifications.
describe('the embedded database in its own thread', () => {
  let root: string;
  let database: Database;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'cc-thread-'));
    database = await openDatabase({ dataDir: path.join(root, 'data'), thread: true });
    await database.execute(THINGS);
  });
  afterAll(async () => {
    await database.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers every kind of query exactly as the database in this thread does', async () => {
    const here = await openDatabase({ dataDir: 'memory' });
    try {
      const answers = async ({ db, execute }: Database) => {
        await db.execute(
          sql`insert into things (id, name, at, tags, info) values (1, 'laadpaal', '2026-11-30T12:00:00Z', ${'{a,b}'}::text[], ${JSON.stringify({ kW: 11 })}::jsonb)`,
        );
        return {
          raw: await rawRows(
            db,
            sql`select id, name, at, tags, info, 9007199254740993::bigint as big, '1 day'::interval as span, current_date - current_date as days from things`,
          ),
          typed: await db.select().from(things),
          // pg-boss and the migrations send several statements at once, without parameters.
          script: (await execute('select 1 as one; select name from things')).rows,
          parameters: (
            await execute('select $1::int + 1 as two, $2::timestamptz as at', [1, new Date('2026-11-30T12:00:00Z')])
          ).rows,
        };
      };
      await here.execute(THINGS);
      const expected = await answers(here);
      const got = await answers(database);
      expect(got).toEqual(expected);
      // Drizzle keeps timestamps as text and makes its own dates: the parsers it asks for reach the thread.
      expect(got.typed[0]!.at).toBeInstanceOf(Date);
      expect(got.typed[0]!.at.toISOString()).toBe('2026-11-30T12:00:00.000Z');
      expect(got.raw[0]!.big).toBe(9007199254740993n);
    } finally {
      await here.close();
    }
  });

  it('commits a transaction whole, rolls a failed one back whole, and a savepoint alone', async () => {
    const { db } = database;
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into things (id, name) values (10, 'tien')`);
      await tx.execute(sql`insert into parts (id, thing_id) values (1, 10)`);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into things (id, name) values (11, 'elf')`);
        throw new Error('afgebroken');
      }),
    ).rejects.toThrow('afgebroken');
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into things (id, name) values (12, 'twaalf')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into things (id, name) values (13, 'dertien')`);
          throw new Error('alleen de binnenste');
        })
        .catch(() => undefined);
    });
    const ids = await rawRows<{ id: number }>(db, sql`select id from things where id >= 10 order by id`);
    expect(ids.map((r) => r.id)).toEqual([10, 12]);
  });

  it('keeps a database error whole: its code, detail and constraint, for the 4xx answers', async () => {
    const failure = await database.db.execute(sql`insert into parts (id, thing_id) values (2, 999)`).then(
      () => null,
      (err: unknown) => err as { code?: string; detail?: string; constraint?: string; cause?: unknown },
    );
    const cause = (failure?.cause ?? failure) as { code?: string; detail?: string; constraint?: string };
    expect(cause.code).toBe('23503');
    expect(cause.detail).toMatch(/thing_id\)=\(999\)/);
    expect(cause.constraint).toBe('parts_thing_id_fkey');
  });

  it('lets a statement outside a transaction wait for it, as in-process', async () => {
    const { db } = database;
    let release: () => void = () => undefined;
    const holding = new Promise<void>((r) => {
      release = r;
    });
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`insert into things (id, name) values (20, 'twintig')`);
      await holding;
    });
    await new Promise((r) => setTimeout(r, 20));
    const outside = rawRows<{ n: number }>(db, sql`select count(*)::int as n from things where id = 20`);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await transaction;
    expect((await outside)[0]!.n).toBe(1);
  });

  it('delivers notifications to listeners until they stop listening', async () => {
    const heard: string[] = [];
    const stop = await database.listen('things_changed', (payload) => heard.push(payload));
    await database.execute(`select pg_notify('things_changed', 'een')`);
    await expect.poll(() => heard).toEqual(['een']);
    await stop();
    await database.execute(`select pg_notify('things_changed', 'twee')`);
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual(['een']);
  });

  it('dumps its data directory and opens again from the dump', async () => {
    const dump = await database.pglite!.dumpDataDir('none');
    const copy = await openDatabase({ dataDir: 'memory', loadDataDir: dump, thread: true });
    try {
      const { rows } = await copy.execute('select name from things order by id');
      expect(rows.map((r) => r.name)).toContain('laadpaal');
    } finally {
      await copy.close();
    }
  });

  it('fails every call once closed, instead of hanging', async () => {
    const other = await openDatabase({ dataDir: 'memory', thread: true });
    await other.close();
    await expect(other.execute('select 1')).rejects.toThrow(/databasethread is gestopt/);
  });
});
