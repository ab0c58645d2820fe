import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../apps/server/src/platform/db/client.ts';

export type Progress = (msg: string) => void;

/**
 * Inserts rows in multi-row statements of a size that keeps under PostgreSQL's 65,535 parameters,
 * reporting progress for long tables.
 */
export async function insertBatches<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: T['$inferInsert'][],
  label: string,
  progress: Progress,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.min(2_000, Math.floor(60_000 / Math.max(1, columns))));
  let done = 0;
  let lastReport = 0;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await db.insert(table).values(chunk as never);
    done += chunk.length;
    if (rows.length > 5_000 && (done - lastReport >= 10_000 || done === rows.length)) {
      progress(`  ${label}: ${done.toLocaleString('nl-NL')} / ${rows.length.toLocaleString('nl-NL')}`);
      lastReport = done;
    }
  }
}
