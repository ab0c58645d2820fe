import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { createScratchPostgres } from './scratch-postgres.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or — when DATABASE_URL
 * is set, as in CI — a new PostgreSQL database created for this file and dropped afterwards. Both start
 * from the run's one migrated copy (migrated-snapshot.ts); without it (a config that skips the global
 * setup) the file migrates its own.
 */
export async function createTestDatabase(): Promise<Database & { url?: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const snapshot = inject('migratedSnapshotFile');
    // TEST_DATABASE_THREAD=1 runs each file's database in its own thread, as the server does.
    const thread = process.env.TEST_DATABASE_THREAD === '1';
    const database = snapshot
      ? await openDatabase({ dataDir: 'memory', loadDataDir: new Blob([await readFile(snapshot)]), thread })
      : await openDatabase({ dataDir: 'memory', thread });
    if (!snapshot) await migrateDatabase(database);
    return Object.assign(database, { drop: () => database.close() });
  }
  const template = inject('migratedTemplateDatabase');
  const scratch = await createScratchPostgres(adminUrl, 'cc_test', template ?? undefined);
  const database = await openDatabase({ url: scratch.url });
  if (!template) await migrateDatabase(database);
  return Object.assign(database, {
    url: scratch.url,
    async drop() {
      await database.close();
      await scratch.drop();
    },
  });
}
