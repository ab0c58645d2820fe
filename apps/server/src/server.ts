import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lt, or, isNotNull } from 'drizzle-orm';
import { loadConfig, type Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/client.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { lockDataDir } from './platform/db/data-dir-lock.ts';
import { createJobs, type Jobs } from './platform/jobs.ts';
import { startOutboxRelay } from './platform/events/outbox-relay.ts';
import { BackupRunning, backupsOf } from './platform/backup.ts';
import { sessions } from './platform/auth/auth.schema.ts';
import { buildApp, type BuiltApp } from './app.ts';
import { subscriptionMap, type InlineSubscriber } from './platform/events/subscribers.ts';
import { startModuleWorkers } from './platform/workers.ts';
import { purgeIdempotencyRecords } from './platform/http/idempotency.ts';
import { purgeRateLimitWindows } from './platform/http/rate-limit.ts';
import { startMetricsServer } from './platform/metrics.ts';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type StartOptions = {
  config?: Config;
  /** Fills an empty database with demo data before the server listens (npm start). */
  seedIfEmpty?: (database: Database, log: (msg: string) => void) => Promise<void>;
  logger?: boolean | object;
};

export class DataDirError extends Error {}

/** Opens the database, migrates, starts workers and listens; returns a handle that stops it all gracefully. */
export async function startServer(opts: StartOptions = {}) {
  const config = opts.config ?? loadConfig();
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  const mark = (phase: string) => {
    phases[phase] = Math.round(performance.now() - t0 - Object.values(phases).reduce((a, b) => a + b, 0));
  };
  const database = await openConfiguredDatabase(config);
  mark('database');
  await migrateDatabase(database);
  mark('migrations');
  const say = (msg: string) => process.stdout.write(`${msg}\n`);
  if (opts.seedIfEmpty) await opts.seedIfEmpty(database, say);
  mark('seed');

  const backups = database.pglite
    ? backupsOf(database.pglite, path.resolve(config.BACKUP_DIR), config.BACKUP_KEEP)
    : null;
  const built: BuiltApp = await buildApp({
    config,
    database,
    backups,
    webDist: config.WEB_DIST ?? DEFAULT_WEB_DIST,
    ...(opts.logger !== undefined ? { logger: opts.logger } : {}),
  });
  const { app } = built;
  mark('app');

  let jobs: Jobs | null = null;
  let relay: Awaited<ReturnType<typeof startOutboxRelay>> | null = null;
  let stopLoops: (() => Promise<void>) | null = null;
  if (config.RUN_WORKERS) {
    jobs = createJobs(database, config.DATABASE_URL);
    jobs.on('error', (err) => app.log.error({ err }, 'job queue error'));
    await jobs.start();
    await jobs.createQueue('maintenance.purge-sessions');
    await jobs.schedule('maintenance.purge-sessions', '17 * * * *', {}, { tz: 'Europe/Amsterdam' });
    await jobs.work('maintenance.purge-sessions', async () => {
      const cutoff = new Date(Date.now() - 24 * 3_600_000);
      await database.db.delete(sessions).where(or(lt(sessions.expiresAt, cutoff), isNotNull(sessions.endedAt)));
      await purgeIdempotencyRecords(database.db);
      await purgeRateLimitWindows(database.db);
    });
    if (database.driver === 'pglite') {
      // PGlite runs no autovacuum: without these the planner's statistics go stale and dead rows pile up.
      await jobs.createQueue('maintenance.analyze');
      await jobs.schedule('maintenance.analyze', '7 * * * *', {}, { tz: 'Europe/Amsterdam' });
      await jobs.work('maintenance.analyze', async () => {
        await database.execute('analyze', []);
      });
      await jobs.createQueue('maintenance.vacuum');
      await jobs.schedule('maintenance.vacuum', '30 3 * * *', {}, { tz: 'Europe/Amsterdam' });
      await jobs.work('maintenance.vacuum', async () => {
        await database.execute('vacuum', []);
      });
    }
    await jobs.createQueue('daily.quotes-and-invoices');
    await jobs.schedule('daily.quotes-and-invoices', '5 6 * * *', {}, { tz: 'Europe/Amsterdam' });
    await jobs.work('daily.quotes-and-invoices', async () => {
      app.log.info(await built.dailyJobs(), 'daily quotes and invoices');
    });
    stopLoops = await startModuleWorkers(jobs, built.workers, (err) =>
      app.log.error({ err }, 'background work failed'),
    );
    relay = await startOutboxRelay(
      database,
      jobs,
      subscriptionMap(built.workers.subscribers),
      app.log,
      built.workers.subscribers.filter((x): x is InlineSubscriber => !!x.inline),
    );
  }

  let backupTimer: NodeJS.Timeout | null = null;
  if (backups && config.BACKUP_INTERVAL_MINUTES > 0) {
    backupTimer = setInterval(() => {
      backups.create().then(
        (b) => app.log.info({ backup: b.file }, 'backup written'),
        (err) => {
          if (err instanceof BackupRunning) app.log.info('scheduled backup skipped: one is being written');
          else app.log.error({ err }, 'backup failed');
        },
      );
    }, config.BACKUP_INTERVAL_MINUTES * 60_000);
    backupTimer.unref();
  }

  mark('workers');
  const metricsServer = config.METRICS_PORT
    ? await startMetricsServer(built.metrics, config.METRICS_PORT, config.METRICS_HOST)
    : null;
  await app.listen({ port: config.PORT, host: config.HOST });
  mark('listen');
  app.log.info({ readyMs: Math.round(performance.now() - t0), phases, driver: database.driver }, 'ready');
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  let stopping: Promise<void> | null = null;
  /** Stops taking requests, lets the ones in flight finish, then stops workers and the database. */
  const stop = () =>
    (stopping ??= (async () => {
      built.shutdown();
      if (backupTimer) clearInterval(backupTimer);
      await app.close();
      await metricsServer?.close();
      await relay?.close();
      await stopLoops?.();
      await jobs?.stop({ graceful: true, wait: true, timeout: 10_000 });
      await database.close();
    })());

  return { app, config, database, port, url: `http://localhost:${port}`, stop, backups };
}

/** A data directory the server may not write to stops the start with one line naming DATA_DIR, not a stack trace. */
function lockWritableDataDir(dir: string) {
  try {
    return lockDataDir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // EEXIST/ENOTDIR: a file stands where the directory (or its parent) should be.
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR' || code === 'EEXIST') {
      throw new DataDirError(
        `DATA_DIR: de server kan niet schrijven in ${dir} of de map erboven (${code}). Kies met DATA_DIR een schrijfbare map.`,
      );
    }
    throw new DataDirError((err as Error).message);
  }
}

async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) return openDatabase({ url: config.DATABASE_URL });
  const dir = path.resolve(config.DATA_DIR);
  const unlock = lockWritableDataDir(dir);
  const pidFile = path.join(dir, 'postmaster.pid');
  const hadPidFile = existsSync(pidFile);
  try {
    const database = await openDatabase({ dataDir: dir, thread: config.DATABASE_THREAD });
    const close = database.close;
    return Object.assign(database, {
      close: async () => {
        await close();
        unlock();
      },
    });
  } catch (err) {
    unlock();
    // PGlite writes its pid file even when it then fails to start; leave the directory as we found it.
    if (!hadPidFile) rmSync(pidFile, { force: true });
    throw new DataDirError(
      `De database in ${dir} kan niet worden geopend (${(err as Error).message}). Er is niets gewijzigd. ` +
        `Herstel een back-up met \`npm run restore -- latest\` of verplaats de map en start opnieuw.`,
    );
  }
}
