import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../apps/server/src/platform/db/client.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });

describe('backup and restore are one command each', () => {
  it('backs up, and restores the latest backup over changed data', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cc-restore-'));
    dirs.push(root);
    const env = { DATA_DIR: path.join(root, 'data'), BACKUP_DIR: path.join(root, 'backups') };
    const db = await openDatabase({ dataDir: env.DATA_DIR });
    await db.execute("create table t (v text); insert into t values ('voor de back-up')");
    await db.close();
    const backup = run('scripts/backup.ts', [], env);
    expect(backup.status, backup.stderr).toBe(0);
    const later = await openDatabase({ dataDir: env.DATA_DIR });
    await later.execute("insert into t values ('na de back-up')");
    await later.close();

    const restore = run('scripts/restore.ts', ['latest'], env);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('Hersteld');
    const restored = await openDatabase({ dataDir: env.DATA_DIR });
    expect((await restored.execute('select v from t', [])).rows).toEqual([{ v: 'voor de back-up' }]);
    await restored.close();
  });

  it('explains itself without arguments and with no backups', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cc-restore-'));
    dirs.push(root);
    const env = { DATA_DIR: path.join(root, 'data'), BACKUP_DIR: path.join(root, 'none') };
    expect(run('scripts/restore.ts', [], env).stderr).toContain('Gebruik');
    const none = run('scripts/restore.ts', ['latest'], env);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('Geen back-ups');
  });
});
