import { openDatabase, type Database } from '../platform/db/client.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { createScratchPostgres } from './scratch-postgres.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or — when DATABASE_URL
 * is set, as in CI — a new PostgreSQL database created for this file and dropped afterwards.
 */
export async function createTestDatabase(): Promise<Database & { url?: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ dataDir: 'memory' });
    await migrateDatabase(database);
    return Object.assign(database, { drop: () => database.close() });
  }
  const scratch = await createScratchPostgres(adminUrl, 'cc_test');
  const database = await openDatabase({ url: scratch.url });
  await migrateDatabase(database);
  return Object.assign(database, {
    url: scratch.url,
    async drop() {
      await database.close();
      await scratch.drop();
    },
  });
}
