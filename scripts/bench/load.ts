// npm run bench:load [-- --users 50 --seconds 60 --backup-at 30 --database-url postgres://...]: many people
// browsing the main lists at once. The platform starts as a user starts it (scripts/start.ts: demo data at
// scale 1 on a fresh embedded database, or a fresh PostgreSQL database beside --database-url); each virtual
// user logs in with a role's demo login and opens that role's list pages over and over, each page with every
// API call the web app makes for it, then thinks 0-1 s. Goal (issue 9), embedded on 2 cores, 50 users for
// 60 s: p95 < 250 ms, p99 < 1 s, no errors, no timeouts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createScratchPostgres } from '../../apps/server/src/test/scratch-postgres.ts';
import { printMachine, summarize } from './measure.ts';
import { startServerProcess } from './server-process.ts';
import { ClientTimeout, createHttpClient } from './http-client.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    'backup-at': { type: 'string' },
    'database-url': { type: 'string' },
    timeout: { type: 'string', default: '10000' },
    port: { type: 'string', default: '3930' },
  },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const backupAt = values['backup-at'] === undefined ? null : Number(values['backup-at']);
const timeoutMs = Number(values.timeout);

type Login = { role: string; email: string; password: string | null };
type Session = { role: string; cookie: string };

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const page = () => 1 + Math.floor(Math.random() * 3);

/** What the web app requests when a page opens: the session check, the list, and the page's secondary calls. */
const PAGES: Record<string, () => string[]> = {
  dashboard: () => ['/api/dashboard/metrics'],
  leads: () => [`/api/leads?page=${page()}&pageSize=50`],
  customers: () => [`/api/customers?page=${page()}&pageSize=50&sort=name`, '/api/entities'],
  orders: () => [`/api/orders?page=${page()}&pageSize=50&sort=-createdAt`],
  quotes: () => [`/api/quotes?page=${page()}&pageSize=50&sort=-createdAt`],
  invoices: () => [`/api/invoices?page=${page()}&pageSize=50`],
  partners: () => [`/api/partners?page=${page()}&pageSize=50&sort=name`],
  visits: () => [`/api/visits?date=${today()}&page=1&pageSize=200`],
};
/** The pages in each role's navigation (apps/web/src/app/routes) that the role may open. */
const ROLE_PAGES: Record<string, string[]> = {
  admin: ['dashboard', 'leads', 'customers', 'orders', 'partners', 'quotes', 'invoices', 'visits'],
  operations: ['dashboard', 'leads', 'customers', 'orders', 'partners', 'quotes', 'invoices', 'visits'],
  planner: ['dashboard', 'leads', 'customers', 'orders', 'partners', 'quotes', 'visits'],
  partner: ['orders', 'quotes', 'invoices', 'leads'],
};
/** Who the 50 are: mostly operations and planners, some partners, an admin now and then. */
const ROLE_MIX = [
  'operations',
  'operations',
  'operations',
  'operations',
  'planner',
  'planner',
  'planner',
  'partner',
  'partner',
  'admin',
];

type Sample = { at: number; ms: number; path: string };
type Run = {
  samples: Sample[];
  statuses: Map<number, number>;
  timeouts: number;
  failures: Map<string, number>;
  seconds: number;
};

async function logIn(url: string, login: Login): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  if (res.status !== 200) throw new Error(`login of ${login.email} answered ${res.status}: ${await res.text()}`);
  return { role: login.role, cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

/** Every user opens random pages of its role until the time is up; a page's calls go out together, as a browser sends them. */
async function browse(
  client: ReturnType<typeof createHttpClient>,
  sessions: Session[],
  loadSeconds: number,
): Promise<Run> {
  const run: Run = { samples: [], statuses: new Map(), timeouts: 0, failures: new Map(), seconds: 0 };
  const started = performance.now();
  const end = started + loadSeconds * 1000;
  const one = async (p: string, session: Session) => {
    const sent = performance.now();
    try {
      const res = await client.get(p, { cookie: session.cookie, accept: 'application/json' });
      run.statuses.set(res.status, (run.statuses.get(res.status) ?? 0) + 1);
      run.samples.push({ at: (sent - started) / 1000, ms: performance.now() - sent, path: p.split('?')[0]! });
      if (res.status >= 400)
        run.failures.set(
          `${res.status} ${p.split('?')[0]} (${session.role})`,
          (run.failures.get(`${res.status} ${p.split('?')[0]} (${session.role})`) ?? 0) + 1,
        );
    } catch (err) {
      // A request given up on counts in the percentiles at the time waited, so timeouts cannot flatter them.
      if (err instanceof ClientTimeout) {
        run.timeouts++;
        run.samples.push({ at: (sent - started) / 1000, ms: performance.now() - sent, path: p.split('?')[0]! });
      } else run.statuses.set(0, (run.statuses.get(0) ?? 0) + 1);
    }
  };
  await Promise.all(
    sessions.map(async (session) => {
      // Spread the first page over the first second, as people do not all click at the same instant.
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      const pages = ROLE_PAGES[session.role]!;
      while (performance.now() < end) {
        const name = pages[Math.floor(Math.random() * pages.length)]!;
        await Promise.all(['/api/auth/me', ...PAGES[name]!()].map((p) => one(p, session)));
        await new Promise((r) => setTimeout(r, Math.random() * 1000));
      }
    }),
  );
  run.seconds = (performance.now() - started) / 1000;
  return run;
}

async function takeBackupAt(url: string, admin: Session, atSeconds: number) {
  await new Promise((r) => setTimeout(r, atSeconds * 1000));
  const csrf = await fetch(`${url}/api/auth/me`, { headers: { cookie: admin.cookie } }).then(
    (r) => r.json() as Promise<{ csrfToken?: string }>,
  );
  const t0 = performance.now();
  const res = await fetch(`${url}/api/admin/backups`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': csrf.csrfToken ?? '' },
  });
  const body = await res.text();
  return { status: res.status, body, from: atSeconds, to: atSeconds + (performance.now() - t0) / 1000 };
}

printMachine('ChargeCars load benchmark: people browsing the lists');
process.stdout.write(`nproc: ${availableParallelism()}\n`);
const dir = await mkdtemp(path.join(tmpdir(), 'cc-bench-load-'));
const env: Record<string, string> = {
  DATA_DIR: path.join(dir, 'data'),
  BACKUP_DIR: path.join(dir, 'backups'),
  SEED_SCALE: '1',
};
const scratch = values['database-url'] ? await createScratchPostgres(values['database-url'], 'cc_bench_load') : null;
if (scratch) env.DATABASE_URL = scratch.url;
process.stdout.write(
  `database: ${scratch ? 'PostgreSQL' : 'embedded (PGlite)'}; starting the platform with demo data (scale 1) ...\n`,
);
const server = await startServerProcess(env, Number(values.port), 'scripts/start.ts');
process.stdout.write(`ready in ${(server.readyMs / 1000).toFixed(1)} s\n`);
const client = createHttpClient(server.url, users * 6, timeoutMs);
try {
  const logins = JSON.parse(await readFile(path.join(dir, '.demo-logins.json'), 'utf8')) as Login[];
  const sessions: Session[] = [];
  for (let i = 0; i < users; i++) {
    const role = ROLE_MIX[i % ROLE_MIX.length]!;
    sessions.push(await logIn(server.url, logins.find((l) => l.role === role)!));
  }
  if (warmup > 0) await browse(client, sessions, warmup);
  const admin = await logIn(server.url, logins.find((l) => l.role === 'admin')!);
  const [run, backup] = await Promise.all([
    browse(client, sessions, seconds),
    backupAt === null ? null : takeBackupAt(server.url, admin, backupAt),
  ]);

  const lat = summarize(run.samples.map((s) => s.ms));
  const errors = [...run.statuses].filter(([status]) => status === 0 || status >= 400).reduce((n, [, c]) => n + c, 0);
  const line = (label: string, l: ReturnType<typeof summarize>) =>
    `${label}: n=${l.n}, p50 ${l.p50.toFixed(0)} ms, p95 ${l.p95.toFixed(0)} ms, p99 ${l.p99.toFixed(0)} ms, max ${l.max.toFixed(0)} ms\n`;
  process.stdout.write(
    `\n${users} users, ${run.seconds.toFixed(1)} s, think time 0-1 s, client timeout ${timeoutMs} ms\n`,
  );
  process.stdout.write(`requests/s: ${((run.samples.length - run.timeouts) / run.seconds).toFixed(1)} answered\n`);
  process.stdout.write(line('latency', lat));
  process.stdout.write(
    `errors: ${errors}, timeouts: ${run.timeouts}, statuses: ${JSON.stringify(Object.fromEntries(run.statuses))}\n`,
  );
  for (const [what, n] of run.failures) process.stdout.write(`  ${n} x ${what}\n`);
  const byPath = new Map<string, number[]>();
  for (const s of run.samples) (byPath.get(s.path) ?? byPath.set(s.path, []).get(s.path)!).push(s.ms);
  for (const [p, ms] of [...byPath].sort()) process.stdout.write(line(`  ${p}`, summarize(ms)));
  if (backup) {
    process.stdout.write(
      `\nbackup at ${backup.from} s: ${backup.status}, took ${(backup.to - backup.from).toFixed(1)} s${backup.status === 201 ? '' : ` (${backup.body.slice(0, 200)})`}\n`,
    );
    const during = run.samples.filter((s) => s.at + s.ms / 1000 >= backup.from && s.at <= backup.to).map((s) => s.ms);
    const outside = run.samples
      .filter((s) => !(s.at + s.ms / 1000 >= backup.from && s.at <= backup.to))
      .map((s) => s.ms);
    process.stdout.write(line('  during the backup', summarize(during)));
    process.stdout.write(line('  without it', summarize(outside)));
  }
  process.stdout.write(
    `\nnproc ${availableParallelism()}; goal (embedded, 2 cores, 50 users, 60 s): p95 < 250 ms, p99 < 1000 ms, 0 errors, 0 timeouts\n`,
  );
} finally {
  client.close();
  await server.stop();
  await scratch?.drop();
  await rm(dir, { recursive: true, force: true });
}
