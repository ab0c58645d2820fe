// npm run bench:cluster [-- --users 300 --seconds 60 --kill-at 30 --scale 1 --fresh]: the cluster
// (scripts/cluster: 3 instances on PostgreSQL behind HAProxy) under staff browsing the main lists with
// 0-1 s think time; some users add customer notes. With --kill-at one instance is SIGKILLed then, and
// afterwards every acknowledged note must exist exactly once. Needs DATABASE_URL and haproxy.
import http from 'node:http';
import { execSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { printMachine, summarize } from './measure.ts';
import { startCluster } from '../cluster/start-cluster.ts';
import { logIn } from '../cluster/cluster-client.ts';
import { DEMO_PASSWORD, STAFF } from '../seed/generate-users.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '60' },
    'kill-at': { type: 'string' },
    scale: { type: 'string', default: '1' },
    instances: { type: 'string', default: '3' },
    fresh: { type: 'boolean', default: false },
  },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
const killAt = values['kill-at'] === undefined ? null : Number(values['kill-at']);
const PORT = 3840;
const TIMEOUT_MS = 10_000;
/** The share of user actions that write a note. */
const WRITE_SHARE = 0.05;

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write(
    'bench:cluster needs DATABASE_URL=postgres://... (the instances share one PostgreSQL database)\n',
  );
  process.exit(2);
}
printMachine(
  `ChargeCars cluster: ${values.instances} instances behind HAProxy, ${users} users browsing for ${seconds} s${killAt !== null ? `, SIGKILL of one instance at ${killAt} s` : ''}`,
);
const databaseUrl = await benchDatabase(adminUrl, 'cc_bench_cluster', values.fresh);
const t0 = performance.now();
const cluster = await startCluster({
  databaseUrl,
  port: PORT,
  instances: Number(values.instances),
  seedScale: Number(values.scale),
  say: (m) => process.stdout.write(`${m}\n`),
});
process.stdout.write(`cluster ready in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${cluster.url}\n`);

// Staff who browse every list: a session each for admin and operations, shared by the users.
const sessions = await Promise.all(
  STAFF.filter((s) => s.role === 'admin' || s.role === 'operations').map((s) =>
    logIn(cluster.url, s.email, DEMO_PASSWORD),
  ),
);
const customerIds = (
  (await (await sessions[0]!.get('/api/customers?pageSize=200')).json()) as { items: { id: string }[] }
).items.map((c) => c.id);
const LISTS = [
  '/api/customers',
  '/api/orders',
  '/api/quotes',
  '/api/leads',
  '/api/visits',
  '/api/invoices',
  '/api/partners',
];
const SEARCHES = ['jan', 'de', 'van', 'bakker', '38', 'laan'];

const agent = new http.Agent({ keepAlive: true, maxSockets: users });
const latencies: number[] = [];
const errors = new Map<string, number>();
let timeouts = 0;
const notesAcked = new Set<string>();
const notesUnanswered = new Set<string>();
const run = `bench-${Date.now().toString(36)}`;
let noteSeq = 0;

const started = performance.now();
const deadline = started + seconds * 1000;
const killTimer =
  killAt === null
    ? null
    : setTimeout(() => {
        const victim = cluster.instances[0]!;
        process.stdout.write(
          `${((performance.now() - started) / 1000).toFixed(1)} s: SIGKILL ${victim.name} (port ${victim.port})\n`,
        );
        void victim.kill();
      }, killAt * 1000);

async function user(u: number) {
  const session = sessions[u % sessions.length]!;
  // Users start spread over the first second, as they would arrive.
  await sleep(Math.random() * 1000);
  while (performance.now() < deadline) {
    if (Math.random() < WRITE_SHARE && customerIds.length) {
      const body = `${run} note ${noteSeq++}`;
      const res = await send('POST', `/api/customers/${customerIds[u % customerIds.length]}/notes`, session, { body });
      if (res === 201) notesAcked.add(body);
      else notesUnanswered.add(body);
    } else {
      const list = LISTS[Math.floor(Math.random() * LISTS.length)]!;
      const query =
        Math.random() < 0.2
          ? `q=${SEARCHES[Math.floor(Math.random() * SEARCHES.length)]}`
          : `page=${1 + Math.floor(Math.random() * 3)}`;
      await send('GET', `${list}?${query}`, session);
    }
    await sleep(Math.random() * 1000);
  }
}

/** One request; answers the status (0: no answer). Latency counts for every answered request. */
function send(
  method: 'GET' | 'POST',
  path: string,
  session: { cookie: string; csrf: string },
  body?: unknown,
): Promise<number> {
  const payload = body === undefined ? null : JSON.stringify(body);
  const headers: Record<string, string> = { cookie: session.cookie, accept: 'application/json' };
  if (payload !== null)
    Object.assign(headers, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(payload)),
      'x-csrf-token': session.csrf,
    });
  const t = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port: PORT, path, method, agent, headers, timeout: TIMEOUT_MS },
      (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - t);
          const status = res.statusCode ?? 0;
          if (status >= 400) errors.set(`${method} ${status}`, (errors.get(`${method} ${status}`) ?? 0) + 1);
          resolve(status);
        });
        res.on('error', () => {
          errors.set(`${method} reset`, (errors.get(`${method} reset`) ?? 0) + 1);
          resolve(0);
        });
      },
    );
    req.on('timeout', () => {
      timeouts++;
      req.destroy(new Error('timeout'));
    });
    req.on('error', (err) => {
      if (err.message !== 'timeout')
        errors.set(`${method} ${err.message}`, (errors.get(`${method} ${err.message}`) ?? 0) + 1);
      resolve(0);
    });
    req.end(payload ?? undefined);
  });
}

await Promise.all(Array.from({ length: users }, (_, u) => user(u)));
const elapsed = (performance.now() - started) / 1000;
if (killTimer) clearTimeout(killTimer);
agent.destroy();
const balancerLog = cluster.balancerLog();
await cluster.stop();

// Every acknowledged note exactly once; an unanswered one at most once (notes are not retried).
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const stored = new Map(
  (
    (await db.query(`select body, count(*)::int as n from notes where body like $1 group by 1`, [`${run} note %`]))
      .rows as { body: string; n: number }[]
  ).map((r) => [r.body, r.n]),
);
await db.end();
const lost = [...notesAcked].filter((b) => !stored.has(b)).length;
const duplicated = [...stored.values()].filter((n) => n > 1).length;
const unansweredStored = [...notesUnanswered].filter((b) => stored.has(b)).length;

const s = summarize(latencies);
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
const nproc = execSync('nproc').toString().trim();
process.stdout.write(
  `\nnproc ${nproc}; ${s.n} answered requests in ${elapsed.toFixed(1)} s = ${(s.n / elapsed).toFixed(0)} requests/s\n`,
);
process.stdout.write(
  `latency ms: p50 ${s.p50.toFixed(1)}, p95 ${s.p95.toFixed(1)}, p99 ${s.p99.toFixed(1)}, max ${s.max.toFixed(0)}\n`,
);
process.stdout.write(
  `errors ${errorCount}${errorCount ? ` (${[...errors].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}, timeouts (> ${TIMEOUT_MS / 1000} s) ${timeouts}\n`,
);
process.stdout.write(
  `notes: acknowledged ${notesAcked.size}, lost ${lost}, duplicated ${duplicated}; unanswered ${notesUnanswered.size} (of which stored ${unansweredStored})\n`,
);
if (balancerLog) process.stdout.write(`HAProxy said:\n${balancerLog}\n`);
const ok = lost === 0 && duplicated === 0;
process.stdout.write(
  `${JSON.stringify({ bench: 'cluster', nproc: Number(nproc), cores: availableParallelism(), instances: cluster.instances.length, users, seconds, killAt, requests: s.n, rps: Math.round(s.n / elapsed), p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), errors: errorCount, timeouts, notesAcked: notesAcked.size, lost, duplicated, ok })}\n`,
);
process.exit(ok ? 0 : 1);

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
function round(n: number) {
  return Math.round(n * 10) / 10;
}

/** The bench's own database beside DATABASE_URL's, kept between runs (seeding at scale 1 takes a while) unless --fresh. */
async function benchDatabase(admin: string, name: string, fresh: boolean) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  if (fresh) await client.query(`drop database if exists ${name} with (force)`);
  const exists = (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (!exists) await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
