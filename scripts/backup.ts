// npm run backup: a consistent backup of the embedded database while the server is stopped.
// (A running server backs up on its schedule and on demand: Operations > Beheer, as admin.)
import path from 'node:path';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { openDatabase } from '../apps/server/src/platform/db/client.ts';
import { lockDataDir } from '../apps/server/src/platform/db/data-dir-lock.ts';
import { createBackup } from '../apps/server/src/platform/backup.ts';

const config = loadConfig();
if (config.DATABASE_URL) {
  process.stderr.write(
    'DATABASE_URL is gezet: maak back-ups van PostgreSQL met pg_dump of de back-up van je database-server.\n',
  );
  process.exit(2);
}
let unlock: () => void;
try {
  unlock = lockDataDir(config.DATA_DIR);
} catch (err) {
  // The server holds the directory: its own backups run on schedule and from Operations > Beheer.
  process.stderr.write(`${(err as Error).message} Een draaiende server maakt zelf back-ups (Operations > Beheer).\n`);
  process.exit(1);
}
try {
  const database = await openDatabase({ dataDir: config.DATA_DIR });
  const backup = await createBackup(database.pglite!, path.resolve(config.BACKUP_DIR), config.BACKUP_KEEP);
  await database.close();
  process.stdout.write(`Back-up geschreven: ${backup.file} (${(backup.bytes / 1e6).toFixed(1)} MB)\n`);
} finally {
  unlock();
}
