/**
 * Group commit: writes that arrive while the previous batch is being written wait and go together
 * in the next one. Under light load every write is a batch of one and waits for nothing; under heavy
 * load the batches grow by themselves, so the cost per transaction (BEGIN, COMMIT, one statement per
 * table) is shared. The price is one pass of the event loop (microseconds) before the first write. On
 * the embedded database, which runs one statement at a time, that is what lets intake keep up with a
 * burst.
 *
 * `write` must answer one result per item, in order. If a batch fails, its items are written one
 * by one, so a single bad item fails alone and the others still land.
 */
export type GroupCommit<I, O> = { submit(item: I): Promise<O> };

type Waiting<I, O> = { item: I; resolve: (o: O) => void; reject: (err: unknown) => void };

export function createGroupCommit<I, O>(write: (items: I[]) => Promise<O[]>, maxBatch = 100): GroupCommit<I, O> {
  let queue: Waiting<I, O>[] = [];
  let running: Promise<void> | null = null;

  async function writeAlone(w: Waiting<I, O>) {
    try {
      const [out] = await write([w.item]);
      w.resolve(out!);
    } catch (err) {
      w.reject(err);
    }
  }

  async function drain() {
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const out = await write(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(out[i]!));
      } catch (err) {
        if (batch.length === 1) batch[0]!.reject(err);
        else for (const w of batch) await writeAlone(w);
      }
    }
    running = null;
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Start at the end of this turn of the event loop, not now: requests whose data arrived in
        // the same turn then join this batch. On PGlite a transaction never waits on I/O, so without
        // this pause no second request would ever reach the queue while a batch is written.
        running ??= new Promise<void>((r) => setImmediate(r)).then(drain);
      });
    },
  };
}
