// npm run bench:planning [-- --scale 10 --requests 200 --pg <url>]: the planning board's figures (issue 12), on
// the embedded database (kept in data/bench) or on PostgreSQL when --pg or DATABASE_URL names a server.
//  1. the board for one week, all teams (GET /api/teams/schedule?view=week): goal p95 < 100 ms
//  2. drop feasibility, every cell of that week for one visit (GET /api/visits/:id/feasibility): goal p95 < 50 ms
//     and the single-cell check a drop runs (GET /api/visits/:id/slot-check)
//  3. options for one visit (GET /api/visits/:id/options): goal p95 < 50 ms
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../seed/generate-users.ts';
import { openTarget, seedDemoOnce, targetEnv, type BenchTarget } from './bench-world.ts';
import { printMachine, summarize } from './measure.ts';
import { startServerProcess } from './server-process.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    requests: { type: 'string', default: '200' },
    pg: { type: 'string' },
  },
});
const scale = Number(values.scale);
const n = Number(values.requests);
const WARM_UP = 20;
const tag = String(scale).replace('.', '_');
const pgUrl = values.pg ?? process.env.DATABASE_URL;
const target: BenchTarget = pgUrl
  ? { kind: 'postgres', adminUrl: pgUrl, name: `cc_bench_planning_s${tag}` }
  : { kind: 'pglite', dir: path.join(ROOT, 'data', 'bench', `planning-scale${tag}`) };

printMachine('ChargeCars planning board benchmark');
process.stdout.write(`cores (availableParallelism): ${availableParallelism()}\n`);
process.stdout.write(`database: ${target.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}, scale ${scale}\n`);
await seedDemoOnce(target, scale, 'visits');

const setup = await openTarget(target);
const queued = (
  await setup.execute(`select id from visits where status = 'to_schedule' order by number limit 50`, [])
).rows.map((r) => String(r.id));
const counts = (
  await setup.execute(
    `select (select count(*)::int from teams) teams, (select count(*)::int from visits where scheduled_date >= current_date) planned`,
    [],
  )
).rows[0]!;
const team = (await setup.execute(`select id from teams order by code limit 1`, [])).rows[0]!.id as string;
await setup.close();
if (!queued.length) throw new Error('the benchmark data has no visits to plan');
process.stdout.write(
  `${counts.teams} teams, ${counts.planned} visits planned from today, ${queued.length} queued visits asked about\n`,
);

const server = await startServerProcess(
  { ...targetEnv(target), RUN_WORKERS: 'false', API_RATE_LIMIT_PER_MINUTE: '10000000' },
  3932,
);
const results: Record<string, number | string> = { scale, cores: availableParallelism(), database: target.kind };
try {
  const planner = await logIn('planner@chargecars.nl');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  report('board, one week, all teams', 'board', 100, await measure(() => planner.get('/api/teams/schedule?view=week')));
  report(
    'drop feasibility, every cell of the week',
    'dropFeasibility',
    50,
    await measure((i) => planner.get(`/api/visits/${queued[i % queued.length]}/feasibility?view=week`)),
  );
  report(
    'single-cell check',
    'slotCheck',
    50,
    await measure((i) =>
      planner.get(`/api/visits/${queued[i % queued.length]}/slot-check?teamId=${team}&date=${tomorrow}&block=morning`),
    ),
  );
  report(
    'options for one visit',
    'options',
    50,
    await measure((i) => planner.get(`/api/visits/${queued[i % queued.length]}/options`)),
  );
} finally {
  await server.stop();
}
process.stdout.write(`${JSON.stringify(results)}\n`);

async function measure(call: (i: number) => Promise<number>) {
  for (let i = 0; i < WARM_UP; i++) await call(i);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const status = await call(i);
    ms.push(performance.now() - t0);
    if (status !== 200) throw new Error(`answered ${status}`);
  }
  return summarize(ms);
}

function report(label: string, key: string, goal: number, s: ReturnType<typeof summarize>) {
  process.stdout.write(
    `${label}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (goal p95 < ${goal} ms)\n`,
  );
  results[`${key}P95`] = Number(s.p95.toFixed(1));
}

async function logIn(email: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email} answered ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return {
    get: async (url: string) => {
      const r = await fetch(`${server.url}${url}`, { headers: { cookie } });
      await r.arrayBuffer();
      return r.status;
    },
  };
}
