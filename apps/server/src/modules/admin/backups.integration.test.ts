import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { openDatabase, type Database } from '../../platform/db/client.ts';
import { backupsOf } from '../../platform/backup.ts';
import { ON_DEMAND_BACKUPS_PER_HOUR } from './take-backup-on-demand.ts';

let t: TestApp;
let root: string;
let embedded: Database;
let admin: Awaited<ReturnType<TestApp['as']>>;

// The backups are of an embedded database on disk, as the server's are; the app's own test database may be PostgreSQL.
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cc-admin-backups-'));
  embedded = await openDatabase({ dataDir: path.join(root, 'data') });
  await embedded.execute("create table kv (k text primary key); insert into kv values ('a')");
  t = await createTestApp({}, { backups: backupsOf(embedded.pglite!, path.join(root, 'backups'), 10) });
  admin = await t.as('admin@chargecars.nl');
}, 300_000);
afterAll(async () => {
  await t?.close();
  await embedded?.close();
  await rm(root, { recursive: true, force: true });
});

describe('backups on demand', () => {
  it("takes one at a time, a few per hour, and names them without the server's paths", async () => {
    const both = await Promise.all([admin.post('/api/admin/backups'), admin.post('/api/admin/backups')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json()).toMatchObject({ status: 409, code: 'backup_running' });
    for (let taken = 1; taken < ON_DEMAND_BACKUPS_PER_HOUR; taken++)
      expect((await admin.post('/api/admin/backups')).statusCode).toBe(201);

    const refused = await admin.post('/api/admin/backups');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    const list = (await admin.get('/api/admin/backups')).json() as { file: string }[];
    expect(list).toHaveLength(ON_DEMAND_BACKUPS_PER_HOUR);
    for (const b of list) expect(b.file).toMatch(/^chargecars-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(JSON.stringify(list)).not.toContain(root);
  }, 600_000);
});
