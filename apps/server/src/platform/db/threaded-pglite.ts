import { Worker } from 'node:worker_threads';
import type { Results } from '@electric-sql/pglite';

export type ThreadStart = { dataDir?: string; startParams: string[]; loadDataDir?: Uint8Array };
type QueryShape = { rowMode?: 'array' | 'object'; rawTypes?: number[] };
export type ThreadRequest = { id: number } & (
  | ({ op: 'query'; sql: string; params: unknown[]; transaction?: number } & QueryShape)
  | ({ op: 'exec'; sql: string; transaction?: number } & QueryShape)
  | { op: 'begin' }
  | { op: 'end'; transaction: number; commit: boolean }
  | { op: 'listen'; channel: string; listener: number }
  | { op: 'unlisten'; listener: number }
  | { op: 'dump' }
  | { op: 'close' }
);
export type ThreadReply =
  | { id: number; result: unknown }
  | { id: number; error: Record<string, unknown> & { message: string } }
  | { listener: number; payload: string }
  | { ready: true };

type Queries = {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
};
type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string) => unknown> };

/** What the platform uses of PGlite, whether it runs here or in its own thread. */
export type EmbeddedDatabase = Queries & {
  transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(compression: 'none'): Promise<Blob | File>;
  close(): Promise<void>;
  readonly closed: boolean;
  readonly dataDir?: string | undefined;
};

/**
 * Drizzle passes parsers that keep dates, intervals and numeric arrays as text; a function cannot
 * cross to the thread, so their type ids go instead and the thread makes the same parsers. Any other
 * parser would be lost on the way, so it is refused here rather than ignored there.
 */
function shape(options: QueryOptions | undefined): QueryShape {
  if (!options) return {};
  const rawTypes = Object.entries(options.parsers ?? {}).map(([type, parse]) => {
    if (parse('2026-01-02 03:04:05+00') !== '2026-01-02 03:04:05+00')
      throw new Error(`Een parser voor type ${type} kan niet naar de databasethread.`);
    return Number(type);
  });
  return { ...(options.rowMode ? { rowMode: options.rowMode } : {}), ...(rawTypes.length ? { rawTypes } : {}) };
}

/**
 * PGlite in a worker thread: the same calls as PGlite itself, each a message to the thread and back.
 * PGlite runs every statement synchronously in WebAssembly, so in the server's own thread each
 * statement held up every HTTP request and webhook post meanwhile; here they run beside them, on the
 * machine's second core. Ordering is unchanged: the thread runs the statements in the order they
 * arrive, and a transaction holds PGlite as it does in-process.
 */
export async function openThreadedPglite(start: ThreadStart): Promise<EmbeddedDatabase> {
  const worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url), { workerData: start });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const listeners = new Map<number, (payload: string) => void>();
  let nextId = 1;
  let stopped: Error | null = null;
  let closed = false;

  const ready = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: ThreadReply) => {
      if ('ready' in m) {
        worker.off('error', reject);
        resolve();
      } else if ('listener' in m) listeners.get(m.listener)?.(m.payload);
      else {
        const call = pending.get(m.id);
        pending.delete(m.id);
        if ('error' in m) call?.reject(Object.assign(new Error(m.error.message), m.error));
        else call?.resolve(m.result);
      }
    });
  });
  // A thread that dies takes every open call with it: they fail, and so does every later one.
  const fail = (err: Error) => {
    stopped = err;
    for (const call of pending.values()) call.reject(err);
    pending.clear();
  };
  worker.on('error', (err) => fail(new Error(`De databasethread is gestopt: ${err?.message ?? String(err)}`)));
  worker.on('exit', (code) => fail(new Error(`De databasethread is gestopt (code ${code}).`)));
  await ready;

  type Request = ThreadRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
  const call = <T>(request: Request): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };
  const queriesIn = (transaction?: number): Queries => ({
    query: (sql, params = [], options) =>
      call({ op: 'query', sql, params, ...shape(options), ...(transaction ? { transaction } : {}) }),
    exec: (sql, options) => call({ op: 'exec', sql, ...shape(options), ...(transaction ? { transaction } : {}) }),
  });

  return {
    ...queriesIn(),
    async transaction(fn) {
      const transaction = await call<number>({ op: 'begin' });
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(queriesIn(transaction));
      } catch (err) {
        await call({ op: 'end', transaction, commit: false }).catch(() => undefined);
        throw err;
      }
      await call({ op: 'end', transaction, commit: true });
      return result;
    },
    async listen(channel, onPayload) {
      const listener = nextId++;
      listeners.set(listener, onPayload);
      await call({ op: 'listen', channel, listener });
      return async () => {
        listeners.delete(listener);
        await call({ op: 'unlisten', listener });
      };
    },
    async dumpDataDir() {
      return new Blob([await call<Uint8Array>({ op: 'dump' })]);
    },
    async close() {
      if (closed) return;
      closed = true;
      await call({ op: 'close' });
      await worker.terminate();
    },
    get closed() {
      return closed;
    },
    dataDir: start.dataDir,
  };
}
