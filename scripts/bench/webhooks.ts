// npm run bench:webhooks [-- --events 1000 --endpoints 50 --rates 25,100 --pg <url>]: webhook fan-out,
// on the embedded database, or on PostgreSQL when --pg names a server (a fresh database is made there).
// Goal (issue 3): 1,000 events to 50 endpoints delivered, p95 from commit to first attempt < 2 s.
// The issue names no rate; each rate in --rates is one run: 25 events/s (1,250 deliveries/s, inside
// what one core sustains next to intake and the lead pipeline) and 100 events/s (5,000/s, beyond it).
// Events are lead.received of leads sent through the Partner API; the endpoints are one loopback
// receiver (allow-listed) under 50 paths.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import * as s from '../../apps/server/src/platform/db/schema.ts';
import { printMachine, summarize } from './measure.ts';
import { startServerProcess } from './server-process.ts';
import { createHttpClient } from './http-client.ts';
import { benchLead, openTarget, prepareBenchWorld, targetEnv, type BenchTarget } from './bench-world.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000' },
    endpoints: { type: 'string', default: '50' },
    rates: { type: 'string', default: '25,100' },
    pg: { type: 'string' },
    'timeout-seconds': { type: 'string', default: '300' },
  },
});
const events = Number(values.events);
const endpointCount = Number(values.endpoints);

printMachine('ChargeCars webhook fan-out benchmark');
for (const rate of values.rates!.split(',').map(Number)) await run(rate);

async function run(rate: number) {
  let received = 0;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const receiverPort = (receiver.address() as { port: number }).port;

  const target: BenchTarget = values.pg
    ? { kind: 'postgres', adminUrl: values.pg, name: 'cc_bench_webhooks' }
    : { kind: 'pglite', dir: path.join(ROOT, 'data', 'bench', 'webhooks') };
  const { secret, partnerId } = await prepareBenchWorld(target, ['leads:write']);
  const setup = await openTarget(target);
  await setup.db.insert(s.webhookEndpoints).values(
    Array.from({ length: endpointCount }, (_, i) => ({
      partnerId,
      url: `http://127.0.0.1:${receiverPort}/endpoint/${i}`,
      eventTypes: ['lead.received'],
      secret: `whsec_${randomBytes(32).toString('base64')}`,
    })),
  );
  await setup.close();

  const server = await startServerProcess(
    {
      ...targetEnv(target),
      API_RATE_LIMIT_PER_MINUTE: '10000000',
      RUN_WORKERS: 'true',
      WEBHOOK_ALLOWED_PRIVATE_HOSTS: '127.0.0.1',
    },
    3970,
  );
  const client = createHttpClient(server.url, 16);
  const runId = Date.now().toString(36);
  const started = performance.now();
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < events; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    sends.push(client.post('/api/v1/leads', benchLead(i, runId), { authorization: `Bearer ${secret}` }));
  }
  await Promise.all(sends);
  const expected = events * endpointCount;
  const deadline = Date.now() + Number(values['timeout-seconds']) * 1000;
  while (received < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const seconds = (performance.now() - started) / 1000;
  client.close();
  await server.stop();
  receiver.close();

  const database = await openTarget(target);
  const result = (await database.db.execute(
    sql`select extract(epoch from (first_attempt_at - event_committed_at)) * 1000 as ms from webhook_deliveries where first_attempt_at is not null`,
  )) as unknown as { rows: { ms: number }[] };
  const [counts] = (
    (await database.db.execute(
      sql`select count(*)::int as total, count(*) filter (where state = 'delivered')::int as delivered from webhook_deliveries`,
    )) as unknown as { rows: { total: number; delivered: number }[] }
  ).rows;
  await database.close();
  const lag = summarize(result.rows.map((r) => Number(r.ms)));
  process.stdout.write(
    `\n${target.kind === 'postgres' ? 'PostgreSQL' : 'embedded'}, ${rate} events/s (${rate * endpointCount} deliveries/s offered): ${events} events x ${endpointCount} endpoints = ${expected} deliveries expected; ${counts!.delivered} delivered of ${counts!.total} in ${seconds.toFixed(1)} s (${(received / seconds).toFixed(0)}/s)\n`,
  );
  process.stdout.write(
    `commit to first attempt: p50 ${lag.p50.toFixed(0)} ms, p95 ${lag.p95.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms (goal p95 < 2000 ms)\n`,
  );
  process.stdout.write(
    `${JSON.stringify({ bench: 'webhooks', cores: availableParallelism(), database: target.kind, rate, events, endpoints: endpointCount, expected, delivered: counts!.delivered, seconds, p50Ms: lag.p50, p95Ms: lag.p95, maxMs: lag.max })}\n`,
  );
}
