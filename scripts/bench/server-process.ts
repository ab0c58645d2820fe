import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** BENCH_PROFILE_DIR=dir writes a V8 CPU profile of the server there, for finding where a figure goes. */
const profileArgs = () =>
  process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];

/**
 * Starts the server as a separate process on the given data and waits for /readyz; returns the time it took.
 * `entry` is the script to run: the bare server by default, or `scripts/start.ts` (demo data) as a user starts it.
 */
export async function startServerProcess(env: Record<string, string>, port: number, entry = 'apps/server/src/main.ts') {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...profileArgs(), '--import', 'tsx', entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BACKUP_INTERVAL_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    /** No goodbye: the crash the kill test is about. */
    kill: () => {
      child.kill('SIGKILL');
      return new Promise<void>((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
      );
    },
  };
}
