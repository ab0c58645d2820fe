import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchPostgres } from '../apps/server/src/test/scratch-postgres.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type Login = { role: string; email: string; password: string | null };

/**
 * The platform as a user starts it (`scripts/start.ts`: migrations, demo data, built web app) on a
 * fresh database: a temporary embedded one, or a new PostgreSQL database when DATABASE_URL is set.
 */
export async function startPlatform(opts: { scale?: number } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'cc-e2e-'));
  const env: Record<string, string> = {
    PORT: String(4100 + Math.floor(Math.random() * 800)),
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, 'data'),
    BACKUP_DIR: path.join(dir, 'backups'),
    SEED_SCALE: String(opts.scale ?? 0.05),
    BACKUP_INTERVAL_MINUTES: '0',
    LOG_LEVEL: 'warn',
    // The optimiser's search: long enough to plan the demo week, short enough for a browser test.
    PLANNING_OPTIMISE_SECONDS: '4',
  };
  let dropDatabase = async () => undefined as void;
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const scratch = await createScratchPostgres(adminUrl, 'cc_e2e');
    env.DATABASE_URL = scratch.url;
    dropDatabase = scratch.drop;
  }
  env.PUBLIC_URL = `http://127.0.0.1:${env.PORT}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => {
    output += String(d);
  });
  child.stderr!.on('data', (d) => {
    output += String(d);
  });
  const url = env.PUBLIC_URL;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`platform exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`platform not ready in time:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const logins = JSON.parse(await readFile(path.join(dir, '.demo-logins.json'), 'utf8')) as Login[];
  return {
    url,
    logins,
    /** Where the offline mail adapter delivers login links (the outbox ops read shows them redacted). */
    mailDropDir: path.join(env.DATA_DIR!, 'mail'),
    output: () => output,
    login: (role: string) => logins.find((l) => l.role === role)!,
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await dropDatabase();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
export type Platform = Awaited<ReturnType<typeof startPlatform>>;
