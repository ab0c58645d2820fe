// npm run cluster: the platform past one machine's process. N server instances on one PostgreSQL
// database behind HAProxy; all of them run workers, so jobs and the outbox relay are shared and carry
// on when an instance dies. DATABASE_URL (postgres://) is required; HAProxy comes from Debian
// (`apt-get install -y haproxy`).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../apps/server/src/platform/db/client.ts';
import { migrateDatabase } from '../../apps/server/src/platform/db/migrate.ts';
import { isEmpty, seedDemoData } from '../seed/seed-demo.ts';
import { printLogins } from '../seed/print-logins.ts';
import { haproxyConfig } from './haproxy-config.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export class ClusterError extends Error {}

/** Is HAProxy on the PATH? */
export const haproxyInstalled = () => !spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).error;

export type ClusterOptions = {
  databaseUrl: string;
  /** Where HAProxy listens; the instances take port + 1 ... port + instances. */
  port: number;
  instances?: number;
  /** Demo data volume when the database is empty (`SEED_SCALE`). */
  seedScale?: number;
  /** Extra environment for the instances (LOG_LEVEL, rate limits, ...). */
  env?: Record<string, string>;
  /** Where the instances' and HAProxy's output goes; default: kept (the last lines show in errors). */
  echo?: boolean;
  say?: (msg: string) => void;
};

/**
 * Migrates and seeds the database once (here, so instances never seed concurrently), starts the
 * instances and HAProxy, and answers when the balancer serves /readyz.
 */
export async function startCluster(opts: ClusterOptions) {
  const say = opts.say ?? (() => undefined);
  if (!/^postgres(ql)?:\/\//.test(opts.databaseUrl))
    throw new ClusterError('Een cluster deelt één PostgreSQL-database: zet DATABASE_URL=postgres://...');
  if (!haproxyInstalled())
    throw new ClusterError('HAProxy ontbreekt: installeer het met `apt-get update && apt-get install -y haproxy`.');

  const database = await openDatabase({ url: opts.databaseUrl });
  let seeded: Awaited<ReturnType<typeof seedDemoData>> | null = null;
  try {
    await migrateDatabase(database);
    if (await isEmpty(database.db))
      seeded = await seedDemoData(database, { scale: opts.seedScale ?? 1, progress: say });
  } finally {
    await database.close();
  }

  const publicUrl = `http://localhost:${opts.port}`;
  const instancePorts = Array.from({ length: opts.instances ?? 3 }, (_, i) => opts.port + 1 + i);
  const env = {
    DATABASE_URL: opts.databaseUrl,
    HOST: '127.0.0.1',
    PUBLIC_URL: publicUrl,
    RUN_WORKERS: 'true',
    TRUST_PROXY: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  // The first instance alone creates pg-boss's schema and queues: instances doing that together on
  // a fresh database deadlock in pgboss.create_queue (seen on PostgreSQL 15) and one of them exits.
  const first = await startInstance('s1', instancePorts[0]!, env, opts.echo ?? false);
  const started = await Promise.allSettled(
    instancePorts.slice(1).map((port, i) => startInstance(`s${i + 2}`, port, env, opts.echo ?? false)),
  );
  const instances = [first, ...started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))];
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(instances.map((i) => i.stop()));
    throw failed.reason;
  }
  const configDir = mkdtempSync(path.join(tmpdir(), 'cc-haproxy-'));
  writeFileSync(path.join(configDir, 'haproxy.cfg'), haproxyConfig({ port: opts.port, instancePorts }));
  const balancer = startProcess(
    'haproxy',
    'haproxy',
    ['-db', '-f', path.join(configDir, 'haproxy.cfg')],
    {},
    opts.echo ?? false,
  );
  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await waitReady(balancer, url);
  } catch (err) {
    await Promise.all([...instances, balancer].map((p) => p.stop()));
    throw err;
  }

  let stopping: Promise<void> | null = null;
  return {
    url,
    publicUrl,
    instances,
    /** HAProxy's last lines: servers going down and up. */
    balancerLog: balancer.output,
    seeded,
    /** Stops the balancer first (no new requests), then the instances gracefully. */
    stop: () =>
      (stopping ??= (async () => {
        await balancer.stop();
        await Promise.all(instances.map((i) => i.stop()));
        rmSync(configDir, { recursive: true, force: true });
      })()),
  };
}
export type Cluster = Awaited<ReturnType<typeof startCluster>>;

async function startInstance(name: string, port: number, env: Record<string, string>, echo: boolean) {
  const instance = startProcess(
    name,
    process.execPath,
    ['--import', 'tsx', 'apps/server/src/main.ts'],
    { ...env, PORT: String(port) },
    echo,
  );
  await waitReady(instance, `http://127.0.0.1:${port}`);
  return { ...instance, port };
}

function startProcess(name: string, command: string, args: string[], env: Record<string, string>, echo: boolean) {
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      if (echo) process.stderr.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signal = async (sig: NodeJS.Signals) => {
    if (alive()) child.kill(sig);
    await exited;
  };
  return {
    name,
    child,
    alive,
    exited,
    output: () => lines.join('\n'),
    /** A crash: no goodbye to the balancer, the database or the clients. */
    kill: () => signal('SIGKILL'),
    stop: async () => {
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await signal('SIGTERM');
      clearTimeout(force);
    },
  };
}

async function waitReady(p: ReturnType<typeof startProcess>, url: string, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!p.alive()) throw new ClusterError(`${p.name} stopte bij het starten:\n${p.output()}`);
    if (Date.now() > deadline) {
      await p.stop();
      throw new ClusterError(`${p.name} was niet binnen ${timeoutMs / 1000} s klaar:\n${p.output()}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main() {
  const { values } = parseArgs({ options: { instances: { type: 'string', default: process.env.INSTANCES ?? '3' } } });
  const instances = Number(values.instances);
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(instances) || instances < 1 || instances > 16)
    throw new ClusterError(`--instances moet een getal van 1 tot 16 zijn (kreeg "${values.instances}")`);
  const webIndex = path.join(ROOT, 'apps/web/dist/index.html');
  if (!existsSync(webIndex)) {
    process.stdout.write('Web-app bouwen (eenmalig) ...\n');
    const built = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const cluster = await startCluster({
    databaseUrl: process.env.DATABASE_URL ?? '',
    port,
    instances,
    seedScale: Number(process.env.SEED_SCALE ?? 1),
    echo: true,
    say: (m) => process.stdout.write(`${m}\n`),
  });
  let stopping = false;
  for (const i of cluster.instances)
    void i.exited.then(() => {
      if (!stopping)
        process.stdout.write(
          `Instantie ${i.name} (poort ${i.port}) is gestopt; HAProxy stuurt verkeer naar de andere.\n`,
        );
    });
  process.stdout.write(
    `\nChargeCars Platform draait op ${cluster.publicUrl}: HAProxy voor ${instances} instanties (poorten ${cluster.instances.map((i) => i.port).join(', ')}).\n`,
  );
  if (cluster.seeded) printLogins(cluster.seeded.logins, cluster.publicUrl);
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nCluster stoppen ...\n');
    cluster.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    process.stderr.write(`\n${err instanceof ClusterError ? err.message : (err as Error).stack}\n\n`);
    process.exit(1);
  });
}
