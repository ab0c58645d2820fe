// npm run bench:mobile [-- --scale 1 --runs 40 --pg <url>]: the figures of the technician app issue, on
// the embedded database (kept in data/bench) or on PostgreSQL when --pg names a server.
//  1. a batch of 20 commands applied (POST /api/mobile/commands): goal p95 < 100 ms
//  2. a day's sync of one team (GET /api/mobile/sync, full and since a cursor): goal p95 < 300 ms at scale 10
//  3. the technician app's initial JavaScript, gzipped (from the last build): goal < 200 KB
//  4. the app in Chromium over slow 3G until the week's visits show: first load goal < 5 s, later loads
//     (service worker precache) goal < 1 s; --browser-runs fresh phones (default 3), from the last build
// Scale 10 takes long to seed on a shared 2-core machine; the default is 1 and the run says which it used.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../seed/generate-users.ts';
import { openTarget, seedDemoOnce, targetEnv, type BenchTarget } from './bench-world.ts';
import { printMachine, summarize } from './measure.ts';
import { startServerProcess } from './server-process.ts';
import { measureTechnicianLoads } from './technician-load.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '40' },
    pg: { type: 'string' },
    'browser-runs': { type: 'string', default: '3' },
  },
});
const scale = Number(values.scale);
const runs = Number(values.runs);
const WARM_UP = 5;
const tag = String(scale).replace('.', '_');
const target: BenchTarget = values.pg
  ? { kind: 'postgres', adminUrl: values.pg, name: `cc_bench_mobile_s${tag}` }
  : { kind: 'pglite', dir: path.join(ROOT, 'data', 'bench', `mobile-scale${tag}`) };

printMachine('ChargeCars technician app benchmark');
process.stdout.write(`cores: ${cpus().length} (availableParallelism ${availableParallelism()})\n`);
process.stdout.write(`database: ${target.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}, scale ${scale}\n`);
await seedDemoOnce(target, scale, 'visits');

// The team with the most planned visits in the coming week is the one whose phone syncs the most.
const setup = await openTarget(target);
const team = (
  await setup.execute(
    `select t.code, count(*)::int n from visits v join teams t on t.id = v.team_id
      where v.scheduled_date between current_date and current_date + 6 and v.status = 'scheduled'
      group by t.code order by n desc limit 1`,
    [],
  )
).rows[0] as { code: string; n: number } | undefined;
if (!team) throw new Error('no team has planned visits in the coming week');
const visitIds = (
  await setup.execute(
    `select v.id from visits v join teams t on t.id = v.team_id
      where t.code = $1 and v.scheduled_date between current_date and current_date + 6 and v.type = 'installation'
      order by v.scheduled_date, v.number`,
    [team.code],
  )
).rows.map((r) => String(r.id));
await setup.close();
if (!visitIds.length) throw new Error(`team ${team.code} has no installation visits this week`);

const technicianEmail = `monteur.${team.code.toLowerCase()}@chargecars.nl`;
const server = await startServerProcess(
  { ...targetEnv(target), RUN_WORKERS: 'false', API_RATE_LIMIT_PER_MINUTE: '10000000', METRICS_PORT: '3942' },
  3941,
);
const results: Record<string, number | string> = {
  scale,
  cores: cpus().length,
  database: target.kind,
  team: team.code,
};
try {
  const phone = await logIn(technicianEmail);
  const { deviceId } = (await phone.post('/api/mobile/devices', { label: 'bench' })).body as { deviceId: string };

  const full = await measure(() => phone.get(`/api/mobile/sync?deviceId=${deviceId}`));
  const first = (await phone.get(`/api/mobile/sync?deviceId=${deviceId}`)).body as {
    cursor: string;
    visits: unknown[];
  };
  report(`day sync, full (${first.visits.length} visits of team ${team.code})`, 'syncFull', full);
  const since = await measure(() => phone.get(`/api/mobile/sync?deviceId=${deviceId}&cursor=${first.cursor}`));
  report('day sync since a cursor', 'syncSinceCursor', since);

  // Checklist answers and ratings: what a technician sends most; each batch new commands on the team's visits.
  const fields = ['power_off_checked', 'cable_routed', 'earth_resistance_ohm', 'rcd_trip_ms', 'test_charge'];
  let n = 0;
  const batch = await measure(async () => {
    const commands = Array.from({ length: 20 }, (_, i) => {
      const k = n++;
      const field = fields[k % fields.length]!;
      return {
        id: randomUUID(),
        deviceId,
        visitId: visitIds[k % visitIds.length]!,
        actedAt: new Date(Date.now() - 60_000 + i).toISOString(),
        baseVersion: '0',
        payload:
          i % 10 === 9
            ? { kind: 'satisfaction', score: 1 + (k % 5) }
            : { kind: 'answer', field, value: field.endsWith('_ohm') || field.endsWith('_ms') ? k % 100 : true },
      };
    });
    const answer = await phone.post('/api/mobile/commands', { deviceId, commands });
    if (answer.status !== 200) throw new Error(`commands answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer;
  });
  report('batch of 20 commands applied', 'batch20', batch);

  const loads = await measureTechnicianLoads(
    server.url,
    { email: technicianEmail, password: DEMO_PASSWORD },
    Number(values['browser-runs']),
  );
  reportLoads('technician app first load, slow 3G, until the visits show (goal < 5 s)', 'firstLoadSlow3g', loads.first);
  reportLoads('technician app later load from cache, slow 3G (goal < 1 s)', 'laterLoadSlow3g', loads.later);
} finally {
  await server.stop();
}

// What web-bundle.ts counts for the technician portal in the last build (npm run build:web first). It
// exits 1 when any portal is over its budget; the technician's figure is in its last line all the same.
const bundle = JSON.parse(
  spawnSync('node', ['--import', 'tsx', 'scripts/bench/web-bundle.ts'], { cwd: ROOT, encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .at(-1)!,
) as { portals: { technician: { gzipBytes: number } } };
const kb = bundle.portals.technician.gzipBytes / 1024;
process.stdout.write(`technician app initial JS: ${kb.toFixed(1)} KB gzipped (goal < 200 KB)\n`);
results.technicianInitialJsGzipKb = Math.round(kb * 10) / 10;
process.stdout.write(`${JSON.stringify(results)}\n`);

async function measure(call: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await call();
  const before = await dbStatements();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await call();
    ms.push(performance.now() - t0);
  }
  const after = await dbStatements();
  // Round trips do not depend on how loaded the machine is; on a shared one each costs a wake-up of the database.
  return {
    ...summarize(ms),
    statements: (after.count - before.count) / runs,
    dbMs: ((after.seconds - before.seconds) * 1000) / runs,
  };
}

/** The server's count and total time of database statements (db_query_duration_seconds on /metrics). */
async function dbStatements() {
  const text = await (await fetch('http://127.0.0.1:3942/metrics')).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { count: value('db_query_duration_seconds_count'), seconds: value('db_query_duration_seconds_sum') };
}

function report(label: string, key: string, s: Awaited<ReturnType<typeof measure>>) {
  process.stdout.write(
    `${label}: n=${s.n} p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms; ` +
      `${s.statements.toFixed(0)} statements, ${s.dbMs.toFixed(0)} ms waiting on them, per call\n`,
  );
  results[`${key}P50Ms`] = Math.round(s.p50 * 10) / 10;
  results[`${key}P95Ms`] = Math.round(s.p95 * 10) / 10;
  results[`${key}Statements`] = Math.round(s.statements);
}

/** Browser loads are few and slow: their median and spread (max - min). */
function reportLoads(label: string, key: string, ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const spread = sorted.at(-1)! - sorted[0]!;
  process.stdout.write(`${label}: n=${ms.length} median ${median.toFixed(0)} ms, spread ${spread.toFixed(0)} ms\n`);
  results[`${key}MedianMs`] = Math.round(median);
  results[`${key}SpreadMs`] = Math.round(spread);
}

type Answer = { status: number; body: Record<string, unknown> };
async function logIn(email: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email} answered ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = async (method: string, url: string, body?: unknown): Promise<Answer> => {
    const r = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : {} };
  };
  return { get: (url: string) => send('GET', url), post: (url: string, body?: unknown) => send('POST', url, body) };
}
