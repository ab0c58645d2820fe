import { Worker } from 'node:worker_threads';
import type { Results } from '@electric-sql/pglite';
import type { PlainError, ThreadReply, ThreadRequest } from './pglite-messages.ts';

type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> };
type Queryable = {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
};
export type ThreadTransaction = Queryable & { readonly closed: boolean; rollback(): Promise<void> };

/**
 * The part of PGlite the server uses (drizzle's PGlite driver, `execute`, LISTEN, backups), answered by
 * PGlite in a worker thread: the main thread keeps serving HTTP while a query runs.
 */
export type PgliteInThread = Queryable & {
  transaction<T>(fn: (tx: ThreadTransaction) => Promise<T>): Promise<T>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(compression?: 'gzip' | 'none'): Promise<Blob>;
  readonly closed: boolean;
  close(): Promise<void>;
};

type Ask = { [K in ThreadRequest['op']]: Omit<Extract<ThreadRequest, { op: K }>, 'id'> }[ThreadRequest['op']];

const asError = (e: PlainError) => Object.assign(new Error(e.message), e);

// The thread's module is TypeScript, like the server's: tsx compiles it (Node 20 does not hand the main
// thread's loader, or `--import tsx` in execArgv, to a worker's entry module).
const threadBootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./pglite-thread.ts', import.meta.url).href)}); });`;

/** Starts PGlite on `dataDir` in a worker thread; resolves once the database is open. */
export async function startPgliteInThread(dataDir: string, startParams: string[]): Promise<PgliteInThread> {
  const worker = new Worker(threadBootstrap, { eval: true, workerData: { dataDir, startParams } });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let closed = false;
  let failure: Error | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: ThreadReply) => {
      if ('ready' in m) return resolve();
      if ('notify' in m) {
        for (const fn of listeners.get(m.notify) ?? []) fn(m.payload);
        return;
      }
      const w = waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id);
      if (m.ok) w.resolve(m.value);
      else w.reject(asError(m.error));
    });
    // A thread that dies takes every pending query with it: answer them all, and refuse new ones.
    const die = (err: Error) => {
      failure = err;
      closed = true;
      reject(err);
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`embedded database thread stopped (exit code ${code})`)));
  });

  const ask = <T>(m: Ask): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...m, id });
    });
  };
  // drizzle passes its parsers only to keep dates, intervals and some arrays as text: the thread does the same by type id.
  const queryOn = (tx: number | undefined) => <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
    ask<Results<T>>({ op: 'query', ...(tx === undefined ? {} : { tx }), sql, params, rowMode: options.rowMode ?? 'object', textTypes: Object.keys(options.parsers ?? {}).map(Number) });
  const execOn = (tx: number | undefined) => (sql: string) => ask<Results[]>({ op: 'exec', ...(tx === undefined ? {} : { tx }), sql });

  await ready;
  return {
    query: queryOn(undefined),
    exec: execOn(undefined),
    async transaction(fn) {
      const tx = await ask<number>({ op: 'begin' });
      let ended = false;
      const rollbackError = Symbol('rolled back');
      const handle: ThreadTransaction = {
        query: queryOn(tx),
        exec: execOn(tx),
        get closed() { return ended; },
        async rollback() { throw rollbackError; },
      };
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(handle);
      } catch (err) {
        ended = true;
        await ask({ op: 'end', tx, commit: false });
        if (err === rollbackError) return undefined as never;
        throw err;
      }
      ended = true;
      await ask({ op: 'end', tx, commit: true });
      return result;
    },
    async listen(channel, onPayload) {
      const set = listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!;
      set.add(onPayload);
      await ask({ op: 'listen', channel });
      return async () => {
        set.delete(onPayload);
        if (set.size === 0 && !closed) {
          listeners.delete(channel);
          await ask({ op: 'unlisten', channel });
        }
      };
    },
    async dumpDataDir(compression = 'gzip') {
      return new Blob([await ask<ArrayBuffer>({ op: 'dump', compression })]);
    },
    get closed() { return closed; },
    async close() {
      if (closed) return;
      await ask({ op: 'close' });
      closed = true;
      await worker.terminate();
    },
  };
}
