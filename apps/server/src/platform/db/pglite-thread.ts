// The embedded database in its own thread (started by pglite-in-thread.ts): PGlite executes SQL in WASM
// synchronously, so on the main thread every query would stop HTTP for its whole duration.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { ThreadReply, ThreadRequest } from './pglite-messages.ts';

const { dataDir, startParams } = workerData as { dataDir: string; startParams: string[] };
const port = parentPort!;
const reply = (message: ThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** An error as plain data: PostgreSQL's fields (code, detail, constraint, ...) survive the trip. */
const plainError = (err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (typeof v === 'string' || typeof v === 'number') fields[k] = v;
  return { ...fields, name: e.name, message: e.message };
};
const identity = (value: string) => value;

const pglite = await PGlite.create({ dataDir, startParams });
/** Open transactions by id, and how to end each one (commit or roll back). */
const open = new Map<number, { tx: Transaction; end: (commit: boolean, replyTo: number) => void }>();
const listening = new Map<string, () => Promise<void>>();
let nextTx = 1;

const ROLLBACK = Symbol('rollback');

async function handle(m: ThreadRequest): Promise<void> {
  const on = m.tx === undefined ? pglite : open.get(m.tx)?.tx;
  switch (m.op) {
    case 'query': {
      if (!on) throw new Error('Transaction is closed');
      const parsers = Object.fromEntries(m.textTypes.map((oid) => [oid, identity]));
      const r = await on.query(m.sql, m.params, { rowMode: m.rowMode, parsers });
      return reply({ id: m.id, ok: true, value: { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows } });
    }
    case 'exec': {
      if (!on) throw new Error('Transaction is closed');
      const results = await on.exec(m.sql);
      return reply({ id: m.id, ok: true, value: results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows })) });
    }
    case 'begin': {
      const txId = nextTx++;
      let endId: number | null = null;
      const done = pglite.transaction(async (tx) => {
        const commit = await new Promise<boolean>((resolve) => {
          open.set(txId, { tx, end: (c, id) => { endId = id; resolve(c); } });
          reply({ id: m.id, ok: true, value: txId });
        });
        open.delete(txId);
        if (!commit) throw ROLLBACK;
      });
      // `end` is answered once COMMIT or ROLLBACK has run; a failure before the start answers `begin`.
      done.then(() => reply({ id: endId!, ok: true, value: null }), (err) => {
        if (endId === null) reply({ id: m.id, ok: false, error: plainError(err) });
        else reply(err === ROLLBACK ? { id: endId, ok: true, value: null } : { id: endId, ok: false, error: plainError(err) });
      });
      return;
    }
    case 'end': {
      const t = open.get(m.tx!);
      if (!t) throw new Error('Transaction is closed');
      t.end(m.commit, m.id);
      return;
    }
    case 'listen': {
      if (!listening.has(m.channel)) listening.set(m.channel, await pglite.listen(m.channel, (payload) => reply({ notify: m.channel, payload })));
      return reply({ id: m.id, ok: true, value: null });
    }
    case 'unlisten': {
      await listening.get(m.channel)?.();
      listening.delete(m.channel);
      return reply({ id: m.id, ok: true, value: null });
    }
    case 'dump': {
      // Exclusive: waits for open transactions too, so the copy is consistent.
      const dump = await pglite._runExclusiveTransaction(() => pglite.dumpDataDir(m.compression));
      const bytes = await dump.arrayBuffer();
      return reply({ id: m.id, ok: true, value: bytes }, [bytes]);
    }
    case 'close': {
      if (!pglite.closed) await pglite.close();
      reply({ id: m.id, ok: true, value: null });
      port.close();
      return;
    }
  }
}

port.on('message', (m: ThreadRequest) => {
  handle(m).catch((err) => reply({ id: m.id, ok: false, error: plainError(err) }));
});
reply({ ready: true });
