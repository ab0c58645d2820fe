// npm run bench:backup: how long requests wait while the running server takes a backup of the embedded
// database (scale 1 demo data, kept in data/bench/backup between runs). A probe asks /readyz (one query)
// every 20 ms and a browser lists customers back to back; both report their longest wait during the backup.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { startServer } from '../../apps/server/src/server.ts';
import { isEmpty, seedDemoData } from '../seed/seed-demo.ts';
import { DEMO_PASSWORD } from '../seed/generate-users.ts';
import { printMachine, summarize } from './measure.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = path.join(ROOT, 'data', 'bench', 'backup');
printMachine('Backup while serving');
if (!existsSync(path.join(dir, 'data'))) process.stdout.write('seeding scale 1 (once) ...\n');
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: path.join(dir, 'data'),
  BACKUP_DIR: path.join(dir, 'backups'),
  BACKUP_INTERVAL_MINUTES: '0',
  LOG_LEVEL: 'silent',
  RUN_WORKERS: 'false',
});
const server = await startServer({
  config: { ...config, DATABASE_URL: undefined },
  logger: false,
  seedIfEmpty: async (database) => {
    if (await isEmpty(database.db)) await seedDemoData(database, { scale: 1 });
  },
});
const base = `http://127.0.0.1:${server.port}`;
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@chargecars.nl', password: DEMO_PASSWORD }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await login.json()) as { csrfToken: string };

async function timed(url: string, init?: RequestInit) {
  const t0 = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

async function measure(label: string, withBackup: boolean) {
  const probes: number[] = [];
  const browsing: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      probes.push((await timed(`${base}/readyz`)).ms);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const browse = (async () => {
    for (let i = 0; running; i++)
      browsing.push(
        (await timed(`${base}/api/customers?q=${['de', 'van', 'jan', 'bos'][i % 4]}`, { headers: { cookie } })).ms,
      );
  })();
  const t0 = performance.now();
  let status = 0;
  if (withBackup)
    status = (
      await timed(`${base}/api/admin/backups`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })
    ).status;
  else await new Promise((r) => setTimeout(r, 5_000));
  const seconds = (performance.now() - t0) / 1000;
  running = false;
  await Promise.all([probe, browse]);
  const p = summarize(probes);
  const b = summarize(browsing);
  process.stdout.write(
    `${label}: ${seconds.toFixed(1)} s${withBackup ? ` (backup answered ${status})` : ''}; /readyz p50 ${p.p50.toFixed(0)} ms, longest wait ${p.max.toFixed(0)} ms (${p.n}); customer list p50 ${b.p50.toFixed(0)} ms, longest ${b.max.toFixed(0)} ms (${b.n})\n`,
  );
}

try {
  await measure('idle baseline, 5 s', false);
  await measure('during a backup', true);
} finally {
  await server.stop();
  await rm(config.BACKUP_DIR, { recursive: true, force: true });
}
