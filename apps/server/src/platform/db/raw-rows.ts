import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

/**
 * The rows of a raw SQL statement, typed by the caller. Both drivers (PGlite and node-postgres) answer
 * `{ rows }`; drizzle's generic client types that answer as unknown.
 */
export async function rawRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Ids as a list of uuid parameters, for `where id in (${uuidList(ids)})` in a raw statement; never empty. */
export const uuidList = (ids: string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
