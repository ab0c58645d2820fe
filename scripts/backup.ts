// npm run backup: a consistent backup of the embedded database while the server is stopped.
// (A running server backs up on its schedule and on demand: Operations > Beheer, as admin.)
import path from 'node:path';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { openDatabase } from '../apps/server/src/platform/db/client.ts';
import { lockDataDir } from '../apps/server/src/platform/db/data-dir-lock.ts';
import { createBackup } from '../apps/server/src/platform/backup.ts';

const config = loadConfig();
if (config.DATABASE_URL) {
  process.stderr.write('DATABASE_URL is gezet: maak back-ups van PostgreSQL met pg_dump of de back-up van je database-server.\n');
  process.exit(2);
}
const unlock = lockDataDir(config.DATA_DIR);
try {
  const database = await openDatabase({ dataDir: config.DATA_DIR });
  const backup = await createBackup(database.pglite!, path.resolve(config.BACKUP_DIR), config.BACKUP_KEEP);
  await database.close();
  process.stdout.write(`Back-up geschreven: ${backup.file} (${(backup.bytes / 1e6).toFixed(1)} MB)\n`);
} finally {
  unlock();
}
