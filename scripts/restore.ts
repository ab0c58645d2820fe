// npm run restore -- <backup file | latest>: puts a backup back as the embedded database (server stopped).
// The current data directory is kept aside, never deleted.
import path from 'node:path';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { holderOf } from '../apps/server/src/platform/db/data-dir-lock.ts';
import { listBackups, restoreBackup } from '../apps/server/src/platform/backup.ts';

const config = loadConfig();
const arg = process.argv[2];
const backups = await listBackups(path.resolve(config.BACKUP_DIR));
if (!arg) {
  process.stderr.write(
    `Gebruik: npm run restore -- <bestand|latest>\nBeschikbare back-ups in ${config.BACKUP_DIR}:\n${backups.map((b) => `  ${b.file}`).join('\n') || '  (geen)'}\n`,
  );
  process.exit(2);
}
const file = arg === 'latest' ? backups[0]?.file : path.resolve(arg);
if (!file) {
  process.stderr.write(`Geen back-ups gevonden in ${config.BACKUP_DIR}.\n`);
  process.exit(1);
}
const holder = holderOf(config.DATA_DIR);
if (holder) {
  process.stderr.write(`De server (proces ${holder}) gebruikt ${config.DATA_DIR}. Stop de server eerst.\n`);
  process.exit(1);
}
try {
  const { keptAside } = await restoreBackup(file, path.resolve(config.DATA_DIR));
  process.stdout.write(`Hersteld uit ${file}.${keptAside ? ` De vorige datamap staat in ${keptAside}.` : ''}\n`);
} catch (err) {
  process.stderr.write(`Herstellen mislukt, er is niets gewijzigd: ${(err as Error).message}\n`);
  process.exit(1);
}
