// npm run inventory:rebuild [-- --check]: recomputes every stock balance from the ledger of moves and
// the active reservations, and says what differed. With --check it only compares (exit code 1 on a
// difference). On the embedded database the server must be stopped; on PostgreSQL (DATABASE_URL) it
// may run, since the rebuild locks the balances for its transaction.
import { parseArgs } from 'node:util';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { openDatabase } from '../apps/server/src/platform/db/client.ts';
import { lockDataDir } from '../apps/server/src/platform/db/data-dir-lock.ts';
import { migrateDatabase } from '../apps/server/src/platform/db/migrate.ts';
import { compareStockBalances, rebuildStockBalances } from '../apps/server/src/modules/inventory/index.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const config = loadConfig();
const unlock = config.DATABASE_URL ? () => undefined : lockDataDir(config.DATA_DIR);
try {
  const database = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.DATA_DIR },
  );
  // The ledger tables come with a migration; a database that has not had it is brought up to date first.
  await migrateDatabase(database);
  const differences = values.check ? await compareStockBalances(database.db) : await rebuildStockBalances(database);
  await database.close();
  for (const d of differences)
    process.stdout.write(
      `product ${d.productId} locatie ${d.locationId} ${d.lot || '-'}: bijgehouden ${d.kept.onHand}/${d.kept.reserved}, grootboek ${d.fromLedger.onHand}/${d.fromLedger.reserved}\n`,
    );
  process.stdout.write(
    differences.length
      ? `${differences.length} voorraadstanden ${values.check ? 'wijken af van' : 'hersteld uit'} het grootboek.\n`
      : 'Alle voorraadstanden kloppen met het grootboek.\n',
  );
  if (values.check && differences.length) process.exitCode = 1;
} finally {
  unlock();
}
