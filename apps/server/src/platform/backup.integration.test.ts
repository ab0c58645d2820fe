import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client.ts';
import { createBackup, listBackups, restoreBackup } from './backup.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('backups of the embedded database', () => {
  it('takes consistent generations, keeps only the newest, and restores one', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cc-backup-'));
    dirs.push(root);
    const dataDir = path.join(root, 'data');
    const backupDir = path.join(root, 'backups');
    const db = await openDatabase({ dataDir });
    await db.execute('create table kv (k text primary key, v int)');
    await db.execute("insert into kv values ('a', 1)");
    const first = await createBackup(db.pglite!, backupDir, 2, new Date('2026-01-01T10:00:00Z'));
    await db.execute("update kv set v = 2 where k = 'a'");
    await createBackup(db.pglite!, backupDir, 2, new Date('2026-01-01T11:00:00Z'));
    await db.execute("update kv set v = 3 where k = 'a'");
    await createBackup(db.pglite!, backupDir, 2, new Date('2026-01-01T12:00:00Z'));
    await db.execute("insert into kv values ('after', 9)");
    await db.close();

    const kept = await listBackups(backupDir);
    expect(kept.map((b) => path.basename(b.file))).toEqual([
      'chargecars-20260101T120000Z.tar.gz',
      'chargecars-20260101T110000Z.tar.gz',
    ]);
    expect(kept.some((b) => b.file === first.file)).toBe(false);

    const { keptAside } = await restoreBackup(kept[1]!.file, dataDir);
    expect(keptAside).toBeTruthy();
    const restored = await openDatabase({ dataDir });
    expect((await restored.execute('select k, v from kv order by k')).rows).toEqual([{ k: 'a', v: 2 }]);
    await restored.close();
  }, 300_000);

  it('keeps answering queries while a backup is written', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cc-backup-'));
    dirs.push(root);
    const db = await openDatabase({ dataDir: path.join(root, 'data') });
    try {
      await db.execute('create table kv (k text primary key, v int)');
      await db.execute('insert into kv select g::text, g from generate_series(1, 20000) g');
      let done = false;
      const backup = createBackup(db.pglite!, path.join(root, 'backups'), 1).finally(() => {
        done = true;
      });
      let answeredDuringBackup = 0;
      while (!done) {
        // Requests arrive as I/O, one turn of the event loop each: a loop of bare awaits would never let
        // the backup's own callbacks (file copy, the dump thread's exit) run.
        await new Promise((resolve) => setImmediate(resolve));
        await db.execute("select v from kv where k = '42'", []);
        if (!done) answeredDuringBackup++;
      }
      await backup;
      // Before, the whole dump held the database: only the odd query slipped in before it started.
      expect(answeredDuringBackup).toBeGreaterThan(20);
    } finally {
      await db.close();
    }
  }, 300_000);

  // The server runs the database in its own thread; the copy is then taken while that thread writes.
  it.each([
    ['in this thread', false],
    ['in its own thread', true],
  ])(
    'takes writes committed during the copy without tearing them, the database %s: every transfer whole or not at all',
    async (_, thread) => {
      const root = await mkdtemp(path.join(tmpdir(), 'cc-backup-'));
      dirs.push(root);
      const dataDir = path.join(root, 'data');
      const db = await openDatabase({ dataDir, thread });
      const transfer = async (n: number) => {
        const [from, to] = [1 + (n % 2000), 1 + ((n * 7 + 3) % 2000)];
        await db.db.transaction(async (tx) => {
          await tx.execute(sql`update accounts set balance = balance - 5 where id = ${from}`);
          await tx.execute(sql`update accounts set balance = balance + 5 where id = ${to}`);
          await tx.execute(sql`insert into moves (n, pad) values (${n}, repeat('x', 400))`);
        });
      };
      let transfers = 0;
      try {
        await db.execute('create table accounts (id int primary key, balance int not null)');
        await db.execute('create table moves (n int primary key, pad text)');
        await db.execute('insert into accounts select g, 100 from generate_series(1, 2000) g');
        while (transfers < 50) await transfer(transfers++);
        let done = false;
        const backup = createBackup(db.pglite!, path.join(root, 'backups'), 1).finally(() => {
          done = true;
        });
        // Writes go on while the files are copied: the pages they touch are copied half-old, half-new.
        while (!done) {
          await new Promise((resolve) => setImmediate(resolve));
          await transfer(transfers++);
        }
        const made = await backup;
        await db.close();
        await restoreBackup(made.file, dataDir);
      } finally {
        await db.close().catch(() => undefined);
      }
      const restored = await openDatabase({ dataDir });
      try {
        const [row] = (
          await restored.execute(
            'select (select sum(balance)::int from accounts) total, (select count(*)::int from moves) moves, (select max(n) from moves) last',
          )
        ).rows as { total: number; moves: number; last: number }[];
        expect(row!.total).toBe(200_000);
        expect(row!.moves).toBeGreaterThanOrEqual(50);
        expect(row!.moves).toBeLessThanOrEqual(transfers);
        // The transfers it holds are the first ones, with no gap: the copy is one moment of the database.
        expect(row!.last).toBe(row!.moves - 1);
      } finally {
        await restored.close();
      }
    },
    300_000,
  );

  it('refuses a damaged backup and leaves the data directory as it was', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cc-backup-'));
    dirs.push(root);
    const dataDir = path.join(root, 'data');
    const db = await openDatabase({ dataDir });
    await db.execute('create table kv (k text primary key)');
    await db.execute("insert into kv values ('still here')");
    await db.close();
    const bad = path.join(root, 'chargecars-bad.tar.gz');
    await writeFile(bad, 'not a tarball');
    await expect(restoreBackup(bad, dataDir)).rejects.toThrow();
    expect(existsSync(`${dataDir}.restoring`)).toBe(false);
    const again = await openDatabase({ dataDir });
    expect((await again.execute('select k from kv')).rows).toEqual([{ k: 'still here' }]);
    await again.close();
  });
});
