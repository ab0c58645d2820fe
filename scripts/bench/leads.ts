// npm run bench:leads [-- --seconds 60 --rate 300 --pg]: lead intake through the Partner API.
// Goal (issue 3): 300 leads/s for 60 s with p99 < 100 ms on the embedded database, 2 cores; the same
// run on PostgreSQL is printed for comparison when it is reachable. Open-loop: requests leave on a
// fixed schedule whether or not earlier ones answered, so a slow server shows as latency, not as a lower rate.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printMachine, summarize } from './measure.ts';
import { startServerProcess } from './server-process.ts';
import { createHttpClient } from './http-client.ts';
import { benchLead, prepareBenchWorld, targetEnv, type BenchTarget } from './bench-world.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, rate: { type: 'string', default: '300' }, pg: { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' }, 'skip-pg': { type: 'boolean', default: false } } });
const seconds = Number(values.seconds);
const rate = Number(values.rate);

async function run(target: BenchTarget, port: number) {
  const { secret } = await prepareBenchWorld(target);
  const server = await startServerProcess({ ...targetEnv(target), API_RATE_LIMIT_PER_MINUTE: '10000000', RUN_WORKERS: process.env.BENCH_RUN_WORKERS ?? 'true' }, port);
  const client = createHttpClient(server.url);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const runId = Date.now().toString(36);
  const total = seconds * rate;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let finished = started;
  try {
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const sent = performance.now();
      inFlight.push(client.post('/api/v1/leads', benchLead(i, runId), { authorization: `Bearer ${secret}`, 'idempotency-key': `${runId}-${i}` }).then((res) => {
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        latencies.push(performance.now() - sent);
      }, () => { statuses.set(0, (statuses.get(0) ?? 0) + 1); }));
    }
    await Promise.all(inFlight);
    finished = performance.now();
  } finally {
    client.close();
    await server.stop();
  }
  const elapsed = (finished - started) / 1000;
  const ok = statuses.get(201) ?? 0;
  const lat = summarize(latencies);
  return { elapsedSeconds: elapsed, achievedPerSecond: ok / elapsed, ok, statuses: Object.fromEntries(statuses), p50: lat.p50, p95: lat.p95, p99: lat.p99, max: lat.max };
}

printMachine('ChargeCars lead intake benchmark');
process.stdout.write(`target: ${rate} leads/s for ${seconds} s (goal: p99 < 100 ms on the embedded database, 2 cores)\n`);
const embedded = await run({ kind: 'pglite', dir: path.join(ROOT, 'data', 'bench', 'leads') }, 3950);
const line = (name: string, r: typeof embedded) => `${name}: ${r.ok} leads in ${r.elapsedSeconds.toFixed(1)} s = ${r.achievedPerSecond.toFixed(0)}/s; p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms; statuses ${JSON.stringify(r.statuses)}\n`;
process.stdout.write(line('embedded (PGlite)', embedded));
let postgres: typeof embedded | null = null;
if (!values['skip-pg']) {
  try {
    postgres = await run({ kind: 'postgres', adminUrl: values.pg!, name: 'cc_bench_leads' }, 3951);
    process.stdout.write(line('PostgreSQL', postgres));
  } catch (err) {
    process.stdout.write(`PostgreSQL: not measured (${(err as Error).message})\n`);
  }
}
process.stdout.write(`${JSON.stringify({ bench: 'leads', cores: availableParallelism(), rate, seconds, embedded, postgres })}\n`);
