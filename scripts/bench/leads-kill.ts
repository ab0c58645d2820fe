// npm run bench:leads-kill [-- --seconds 20 --clients 16]: no lead lost or duplicated across a crash.
// Clients send leads with an Idempotency-Key and retry the same key until they get a 2xx; midway the
// server is killed with SIGKILL and restarted on the same data. Afterwards every lead that got a 2xx
// must exist exactly once (checked in the database by the partner reference, unique per request).
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { printMachine } from './measure.ts';
import { startServerProcess } from './server-process.ts';
import { createHttpClient } from './http-client.ts';
import {
  benchLead,
  openTarget,
  prepareBenchWorld,
  targetEnv,
  waitForPipeline,
  type BenchTarget,
} from './bench-world.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, clients: { type: 'string', default: '16' } },
});
const seconds = Number(values.seconds);
const PORT = 3960;

printMachine('ChargeCars lead intake: SIGKILL in the middle of a load run');
const target: BenchTarget = { kind: 'pglite', dir: path.join(ROOT, 'data', 'bench', 'leads-kill') };
const { secret } = await prepareBenchWorld(target);
const env = { ...targetEnv(target), API_RATE_LIMIT_PER_MINUTE: '10000000', RUN_WORKERS: 'true' };
let server = await startServerProcess(env, PORT);
const acknowledged = new Map<string, string>();
const runId = Date.now().toString(36);
let next = 0;
let retries = 0;
const deadline = Date.now() + seconds * 1000;

async function clientLoop() {
  const client = createHttpClient(`http://127.0.0.1:${PORT}`, 4);
  while (Date.now() < deadline) {
    const i = next++;
    for (;;) {
      const res = await client
        .post('/api/v1/leads', benchLead(i, runId), {
          authorization: `Bearer ${secret}`,
          'idempotency-key': `${runId}-${i}`,
        })
        .catch(() => null);
      if (res && res.status >= 200 && res.status < 300) {
        acknowledged.set(`${runId}-${i}`, JSON.parse(res.body).id);
        break;
      }
      retries++;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.close();
}

const loops = Array.from({ length: Number(values.clients) }, () => clientLoop());
await new Promise((r) => setTimeout(r, (seconds * 1000) / 3));
const killedAfter = acknowledged.size;
await server.kill();
process.stdout.write(`SIGKILL after ${killedAfter} acknowledged leads; restarting\n`);
server = await startServerProcess(env, PORT);
await Promise.all(loops);
// Leads the kill left `received` are the restarted pipeline's to finish.
const probe = createHttpClient(`http://127.0.0.1:${PORT}`, 1);
const pipelineSeconds = await waitForPipeline(probe, secret, 300);
probe.close();
await server.stop();

const database = await openTarget(target);
const rows = (await database.db.execute(
  sql`select partner_reference as ref, count(*)::int as n, min(id::text) as id from leads group by partner_reference`,
)) as unknown as { rows: { ref: string; n: number; id: string }[] };
// A lead processed twice would have two `enriched` steps.
const [twice] = (
  (await database.db.execute(
    sql`select count(*)::int as n from (select lead_id from lead_timeline where step = 'enriched' group by lead_id having count(*) > 1) x`,
  )) as unknown as { rows: { n: number }[] }
).rows;
const [waiting] = (
  (await database.db.execute(sql`select count(*)::int as n from leads where status = 'received'`)) as unknown as {
    rows: { n: number }[];
  }
).rows;
await database.close();
const byRef = new Map(rows.rows.map((r) => [r.ref, r]));
const missing = [...acknowledged.keys()].filter((ref) => !byRef.has(ref)).length;
const duplicated = rows.rows.filter((r) => r.n > 1).length;
const wrongId = [...acknowledged].filter(([ref, id]) => byRef.get(ref) && byRef.get(ref)!.id !== id).length;
const ok = missing === 0 && duplicated === 0 && wrongId === 0 && waiting!.n === 0 && twice!.n === 0;
process.stdout.write(
  `acknowledged ${acknowledged.size}, retries ${retries}, in database ${rows.rows.length}; missing ${missing}, duplicated ${duplicated}, answered with another id ${wrongId}\n`,
);
process.stdout.write(
  `pipeline after the restart: done ${pipelineSeconds.toFixed(1)} s after the last answer; still received ${waiting!.n}, processed twice ${twice!.n}\n`,
);
process.stdout.write(
  `${JSON.stringify({ bench: 'leads-kill', cores: availableParallelism(), acknowledged: acknowledged.size, killedAfter, retries, missing, duplicated, wrongId, stillReceived: waiting!.n, processedTwice: twice!.n, ok })}\n`,
);
process.exit(ok ? 0 : 1);
