import { mkdirSync, existsSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';
import { openThreadedPglite, type EmbeddedDatabase } from './threaded-pglite.ts';
import { timeQuery } from '../metrics.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: use cases accept both so they compose. */
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Runs raw SQL with parameters; several statements are allowed when there are none (PGlite `exec`). */
  execute(sqlText: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** LISTEN on a channel; returns the function that stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** The embedded database, in this thread or its own. */
  pglite?: EmbeddedDatabase;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type OpenOptions = {
  url?: string | undefined;
  dataDir?: string | 'memory';
  loadDataDir?: Blob;
  /** Runs the embedded database in a worker thread (the server does; tests and scripts need not). */
  thread?: boolean;
};

/**
 * PGlite starts with `-F` (fsync off) by default. We drop it so PostgreSQL at least asks for fsync;
 * PGlite's Node file layer still does not honour it, which is why backups exist (see docs/durability.md).
 */
export const PGLITE_START_PARAMS = PGlite.defaultStartParams.filter((p) => p !== '-F');

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  const dataDir = opts.dataDir ?? 'memory';
  if (dataDir !== 'memory' && !existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  if (opts.thread)
    return pgliteDatabase(
      await openThreadedPglite({
        ...(dataDir === 'memory' ? {} : { dataDir }),
        ...(opts.loadDataDir ? { loadDataDir: new Uint8Array(await opts.loadDataDir.arrayBuffer()) } : {}),
        startParams: PGLITE_START_PARAMS,
      }),
    );
  return pgliteDatabase(
    await PGlite.create({
      ...(dataDir === 'memory' ? {} : { dataDir }),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      startParams: PGLITE_START_PARAMS,
    }),
  );
}

type PgliteQueries = Pick<EmbeddedDatabase, 'query' | 'exec'>;
/** The calls drizzle's PGlite driver makes (query, exec, transaction), each statement timed for /metrics. */
const timedQueries = <T extends PgliteQueries>(on: T): PgliteQueries =>
  ({
    query: (...args: Parameters<EmbeddedDatabase['query']>) => timeQuery(() => on.query(...args)),
    exec: (...args: Parameters<EmbeddedDatabase['exec']>) => timeQuery(() => on.exec(...args)),
  }) as PgliteQueries;

function pgliteDatabase(pglite: EmbeddedDatabase): Database {
  const client = {
    ...timedQueries(pglite),
    transaction: <T>(fn: (tx: PgliteQueries) => Promise<T>) =>
      pglite.transaction((tx) => fn({ ...tx, ...timedQueries(tx) })),
  };
  const db = drizzlePglite({ client: client as unknown as PGlite, schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    pglite,
    async execute(sqlText, params) {
      if (!params || params.length === 0) {
        const results = await client.exec(sqlText);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      }
      const r = await client.query<Record<string, unknown>>(sqlText, params);
      return { rows: r.rows };
    },
    async listen(channel, onPayload) {
      const stop = await pglite.listen(channel, onPayload);
      return async () => stop();
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** A pg client whose statements are timed for /metrics (pool.query and transactions both end up here). */
class TimedClient extends pg.Client {
  override query(...args: unknown[]): never {
    const run = super.query.bind(this) as (...a: unknown[]) => unknown;
    const last = args.at(-1);
    if (typeof last === 'function')
      return timeQuery(
        () =>
          new Promise<void>((resolve) =>
            run(...args.slice(0, -1), (...r: unknown[]) => {
              resolve();
              (last as (...x: unknown[]) => void)(...r);
            }),
          ),
      ) as never;
    const result = run(...args);
    return (result instanceof Promise ? timeQuery(() => result) : result) as never;
  }
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, Client: TimedClient });
  // An idle connection the server closes (restart, failover, a dropped database) must not crash the
  // process; the pool replaces it on the next checkout.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
  // Fail fast with a clear message instead of on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    pool,
    async execute(sqlText, params) {
      const r = await pool.query(sqlText, params);
      const last = Array.isArray(r) ? r.at(-1) : r;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    async listen(channel, onPayload) {
      const client = await pool.connect();
      client.on('error', (err) => process.emitWarning(`PostgreSQL LISTEN connection lost: ${err.message}`));
      const handler = (msg: pg.Notification) => {
        if (msg.channel === channel && msg.payload !== undefined) onPayload(msg.payload);
      };
      client.on('notification', handler);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        client.off('notification', handler);
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
        client.release();
      };
    },
    async close() {
      await pool.end();
    },
  };
}
