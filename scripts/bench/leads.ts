// npm run bench:leads [-- --seconds 60 --rate 300 --warmup 5 --pg URL --skip-pg]: lead intake through the Partner API.
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
import { benchLead, prepareBenchWorld, targetEnv, waitForPipeline, type BenchTarget } from './bench-world.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    rate: { type: 'string', default: '300' },
    pg: { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    'skip-pg': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const warmup = Number(values.warmup);

type Load = { latencies: number[]; bySecond: number[][]; statuses: Map<number, number>; seconds: number };

/** Sends `rate` leads per second for `seconds` on a fixed schedule (open loop) and records each answer. */
async function sendLoad(
  client: ReturnType<typeof createHttpClient>,
  secret: string,
  runId: string,
  loadSeconds: number,
): Promise<Load> {
  const latencies: number[] = [];
  /** Latency by the second the request left, to tell a hiccup from a steady backlog. */
  const bySecond: number[][] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < loadSeconds * rate; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    inFlight.push(
      client
        .post('/api/v1/leads', benchLead(i, runId), {
          authorization: `Bearer ${secret}`,
          'idempotency-key': `${runId}-${i}`,
        })
        .then(
          (res) => {
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            latencies.push(performance.now() - sent);
            (bySecond[Math.floor((sent - started) / 1000)] ??= []).push(performance.now() - sent);
          },
          () => {
            statuses.set(0, (statuses.get(0) ?? 0) + 1);
          },
        ),
    );
  }
  await Promise.all(inFlight);
  return { latencies, bySecond, statuses, seconds: (performance.now() - started) / 1000 };
}

async function run(target: BenchTarget, port: number) {
  const { secret } = await prepareBenchWorld(target);
  const server = await startServerProcess(
    {
      ...targetEnv(target),
      API_RATE_LIMIT_PER_MINUTE: '10000000',
      RUN_WORKERS: process.env.BENCH_RUN_WORKERS ?? 'true',
    },
    port,
  );
  const client = createHttpClient(server.url);
  const runId = Date.now().toString(36);
  try {
    // A server that has run a while has compiled its hot code; the first second of a fresh process
    // has not. Warm it up (same rate, not counted), let the pipeline finish, then measure.
    const warm = warmup > 0 ? await sendLoad(client, secret, `${runId}w`, warmup) : null;
    if (warm) await waitForPipeline(client, secret);
    const load = await sendLoad(client, secret, runId, seconds);
    const pipelineSeconds = await waitForPipeline(client, secret);
    const ok = load.statuses.get(201) ?? 0;
    const lat = summarize(load.latencies);
    return {
      elapsedSeconds: load.seconds,
      achievedPerSecond: ok / load.seconds,
      ok,
      statuses: Object.fromEntries(load.statuses),
      p50: lat.p50,
      p95: lat.p95,
      p99: lat.p99,
      max: lat.max,
      perSecondP99: load.bySecond.map((l) => Math.round(summarize(l ?? []).p99)),
      warmupFirstSecondP99: warm ? Math.round(summarize(warm.bySecond[0] ?? []).p99) : null,
      pipelineCaughtUpSeconds: pipelineSeconds,
    };
  } finally {
    client.close();
    await server.stop();
  }
}

printMachine('ChargeCars lead intake benchmark');
process.stdout.write(
  `target: ${rate} leads/s for ${seconds} s after ${warmup} s of warm-up (goal: p99 < 100 ms on the embedded database, 2 cores)\n`,
);
const embedded = await run({ kind: 'pglite', dir: path.join(ROOT, 'data', 'bench', 'leads') }, 3950);
const line = (name: string, r: typeof embedded) =>
  `${name}: ${r.ok} leads in ${r.elapsedSeconds.toFixed(1)} s = ${r.achievedPerSecond.toFixed(0)}/s; p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms; statuses ${JSON.stringify(r.statuses)}\n  p99 by second sent: ${r.perSecondP99.join(' ')}\n  pipeline (enrich, match, score, route, intake) done with every lead ${r.pipelineCaughtUpSeconds.toFixed(1)} s after the last answer\n  cold process, first second of warm-up: p99 ${r.warmupFirstSecondP99 ?? '-'} ms\n`;
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
process.stdout.write(
  `${JSON.stringify({ bench: 'leads', cores: availableParallelism(), rate, seconds, embedded, postgres })}\n`,
);
