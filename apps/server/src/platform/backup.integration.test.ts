import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
