import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './platform/config.ts';
import { DataDirError, startServer } from './server.ts';
import { loadFixtures, PASSWORD } from './test/fixtures.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('finishes requests in flight, then refuses new ones', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cc-shutdown-'));
    dirs.push(root);
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(root, 'data'),
      BACKUP_DIR: path.join(root, 'backups'),
      LOG_LEVEL: 'silent',
      BACKUP_INTERVAL_MINUTES: '0',
    });
    // The embedded database on disk, as npm start runs it.
    const server = await startServer({
      config: { ...config, DATABASE_URL: undefined },
      seedIfEmpty: async (db) => {
        await loadFixtures(db);
      },
      logger: false,
    });
    const base = `http://127.0.0.1:${server.port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@chargecars.nl', password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

    let received = 0;
    server.app.server.on('request', () => {
      received++;
    });
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(`${base}/api/customers?q=vries`, { headers: { cookie } }).then((r) => r.status),
    );
    while (received < 20) await new Promise((r) => setTimeout(r, 1));
    const stopped = server.stop();
    expect(await Promise.all(inFlight)).toEqual(Array(20).fill(200));
    await stopped;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});

describe('a data directory the server cannot write to', () => {
  it('stops the start with one line naming DATA_DIR and the directory', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'cc-readonly-'));
    dirs.push(root);
    // Running as root, a read-only mode is no obstacle; a file where the parent directory should be is.
    await writeFile(path.join(root, 'not-a-dir'), '');
    const dataDir = path.join(root, 'not-a-dir', 'data');
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', BACKUP_INTERVAL_MINUTES: '0' });
    const start = startServer({ config: { ...config, DATABASE_URL: undefined }, logger: false });
    await expect(start).rejects.toBeInstanceOf(DataDirError);
    await expect(start).rejects.toThrow(/^DATA_DIR: .*not-a-dir/);
  });
});
