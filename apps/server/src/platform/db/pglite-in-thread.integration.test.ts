import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.ts';

// The server's embedded database runs in a worker thread; everything the server does with it must work the same.
describe('the embedded database in a worker thread', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-thread-'));
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: dir, inThread: true });
    await database.execute('create table notes (id serial primary key, body text not null unique, at timestamptz not null default now(), day date)');
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the main thread free while a query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      await database.execute('select count(*) from generate_series(1, 3000000) g where g % 7 = $1', [3]);
    } finally {
      clearInterval(timer);
    }
    // In the same thread the WASM query would run to the end without the timer ever firing.
    expect(ticks).toBeGreaterThan(1);
  });

  it('answers drizzle as PGlite does: dates as text where drizzle asks, rows mapped to fields', async () => {
    await database.db.execute(sql`insert into notes (body, day) values ('een', '2026-11-29')`);
    const result = await database.db.execute(sql`select body, day, at from notes where body = 'een'`) as unknown as { rows: Record<string, unknown>[] };
    expect(result.rows[0]).toMatchObject({ body: 'een', day: '2026-11-29' });
    const raw = await database.execute('select at from notes where body = $1', ['een']);
    expect(raw.rows[0]!.at).toBeInstanceOf(Date);
  });

  it('commits a transaction, and rolls it back when the work fails, with PostgreSQL error fields intact', async () => {
    await database.db.transaction(async (tx) => { await tx.execute(sql`insert into notes (body) values ('twee')`); });
    const failed = await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (body) values ('drie')`);
      await tx.execute(sql`insert into notes (body) values ('een')`);
    }).catch((err: Error) => err);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error & { cause?: { code?: string } }).cause?.code).toBe('23505');
    const { rows } = await database.execute('select body from notes order by id');
    expect(rows.map((r) => r.body)).toEqual(['een', 'twee']);
  });

  it('serves other queries after a transaction, and delivers NOTIFY to listeners only after commit', async () => {
    const heard: string[] = [];
    const stop = await database.listen('bench_channel', (p) => heard.push(p));
    await database.db.transaction(async (tx) => { await tx.execute(sql`select pg_notify('bench_channel', 'a')`); });
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_notify('bench_channel', 'b')`);
      tx.rollback();
    }).catch(() => undefined);
    await database.execute(`select pg_notify('bench_channel', 'c')`);
    await expect.poll(() => heard).toEqual(['a', 'c']);
    await stop();
  });

  it('dumps its data directory for a backup', async () => {
    const dump = await (database.pglite as { dumpDataDir(c: 'gzip'): Promise<Blob> }).dumpDataDir('gzip');
    const restored = await openDatabase({ loadDataDir: dump });
    try {
      const { rows } = await restored.execute('select count(*)::int as n from notes', []);
      expect(rows[0]!.n).toBe(2);
    } finally {
      await restored.close();
    }
  });
});
