import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './platform/db/client.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the server refuses to start on bad ground, with a clear message', () => {
  it('names the wrong configuration variable', () => {
    const res = start({ PORT: 'abc', SESSION_IDLE_MINUTES: '0' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('PORT');
    expect(res.stderr).toContain('SESSION_IDLE_MINUTES');
    expect(res.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('leaves a damaged data directory as it was', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cc-damaged-'));
    dirs.push(root);
    const dataDir = path.join(root, 'data');
    const db = await openDatabase({ dataDir });
    await db.execute('create table t (v int)');
    await db.close();
    await writeFile(path.join(dataDir, 'global', 'pg_control'), 'kapot');
    const before = (await readdir(dataDir, { recursive: true })).sort();
    const control = await readFile(path.join(dataDir, 'global', 'pg_control'));
    const res = start({ DATA_DIR: dataDir, PORT: '0' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('kan niet worden geopend');
    expect(res.stderr).toContain('npm run restore');
    expect((await readdir(dataDir, { recursive: true })).sort()).toEqual(before);
    expect(await readFile(path.join(dataDir, 'global', 'pg_control'))).toEqual(control);
  });
});
