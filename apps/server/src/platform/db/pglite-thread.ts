import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { ThreadReply, ThreadRequest, ThreadStart } from './threaded-pglite.ts';

// The embedded database's own thread: it runs every statement, so the server's main thread only
// answers HTTP. Requests come from threaded-pglite.ts; each is answered by id.
const port = parentPort!;
const start = workerData as ThreadStart;
const pglite = await PGlite.create({
  ...(start.dataDir ? { dataDir: start.dataDir } : {}),
  ...(start.loadDataDir ? { loadDataDir: new Blob([start.loadDataDir]) } : {}),
  startParams: start.startParams,
});

const transactions = new Map<number, Transaction>();
const endTransaction = new Map<number, (commit: boolean) => Promise<null>>();
const unlisteners = new Map<number, () => Promise<void>>();
let nextTransaction = 1;
const reply = (message: ThreadReply) => port.postMessage(message);
/** Thrown inside PGlite's transaction callback to make it roll back; not an error to report. */
const ROLLBACK = Symbol('rollback');

/**
 * A database error's own fields (code, detail, constraint, ...), which a structured clone of the error
 * would drop. Only plain values: PGlite also attaches the query's options, parser functions included.
 */
function errorFields(err: unknown) {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err))
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  return { ...fields, name: err.name, message: err.message };
}

/** Parsers that leave the given types as text, as drizzle asks: it sends their type ids, not functions. */
const queryOptions = (r: { rowMode?: 'array' | 'object'; rawTypes?: number[] }) => ({
  ...(r.rowMode ? { rowMode: r.rowMode } : {}),
  ...(r.rawTypes ? { parsers: Object.fromEntries(r.rawTypes.map((t) => [t, (v: string) => v])) } : {}),
});

async function handle(request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case 'query':
    case 'exec': {
      const on = request.transaction ? transactions.get(request.transaction) : pglite;
      if (!on) throw new Error('De transactie is al afgesloten.');
      return request.op === 'query'
        ? on.query(request.sql, request.params, queryOptions(request))
        : on.exec(request.sql, queryOptions(request));
    }
    case 'begin':
      return begin();
    case 'end': {
      const end = endTransaction.get(request.transaction);
      if (!end) throw new Error('De transactie is al afgesloten.');
      return end(request.commit);
    }
    case 'listen': {
      const stop = await pglite.listen(request.channel, (payload) => reply({ listener: request.listener, payload }));
      unlisteners.set(request.listener, stop);
      return null;
    }
    case 'unlisten':
      await unlisteners.get(request.listener)?.();
      unlisteners.delete(request.listener);
      return null;
    case 'dump': {
      const blob = (await pglite.dumpDataDir('none')) as Blob;
      return new Uint8Array(await blob.arrayBuffer());
    }
    case 'close':
      if (!pglite.closed) await pglite.close();
      return null;
  }
}

/**
 * Opens a transaction and answers its id once PGlite holds it; 'end' then commits or rolls it back
 * and answers when PGlite has done so (a commit can still fail).
 */
function begin(): Promise<number> {
  const id = nextTransaction++;
  return new Promise((started, failed) => {
    let decide: (commit: boolean) => void = () => undefined;
    const decision = new Promise<boolean>((resolve) => {
      decide = resolve;
    });
    let began = false;
    const outcome = pglite
      .transaction(async (tx) => {
        began = true;
        transactions.set(id, tx);
        started(id);
        const commit = await decision;
        transactions.delete(id);
        if (!commit) throw ROLLBACK;
      })
      .then(
        () => null,
        (err: unknown) => {
          if (err === ROLLBACK) return null;
          throw err;
        },
      );
    endTransaction.set(id, (commit) => {
      endTransaction.delete(id);
      decide(commit);
      return outcome;
    });
    outcome.catch((err: unknown) => {
      if (began) return;
      endTransaction.delete(id);
      failed(err);
    });
  });
}

port.on('message', (request: ThreadRequest) => {
  handle(request).then(
    (result) => {
      try {
        reply({ id: request.id, result });
      } catch (err) {
        // A result that cannot be cloned is this request's failure, not the thread's.
        reply({ id: request.id, error: errorFields(err) });
      }
    },
    (err: unknown) => reply({ id: request.id, error: errorFields(err) }),
  );
});
reply({ ready: true });
