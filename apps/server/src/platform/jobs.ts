import PgBoss from 'pg-boss';
import type { Database } from './db/client.ts';

/**
 * pg-boss on either driver. On PGlite it runs through our `execute`, which sends parameterless SQL
 * (pg-boss' schema script holds several statements) through PGlite's `exec`.
 */
export function createJobs(database: Database, connectionString?: string): PgBoss {
  const boss = connectionString
    ? new PgBoss({ connectionString, max: 4 })
    : new PgBoss({ db: { executeSql: (text, values) => database.execute(text, values) } });
  return boss;
}

export type Jobs = PgBoss;
