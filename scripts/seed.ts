// npm run seed -- --scale 1 [--reset]: fills the configured database (DATABASE_URL or ./data) with demo data.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { openDatabase } from '../apps/server/src/platform/db/client.ts';
import { migrateDatabase } from '../apps/server/src/platform/db/migrate.ts';
import { isEmpty, seedDemoData } from './seed/seed-demo.ts';
import { printLogins } from './seed/print-logins.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    reset: { type: 'boolean', default: false },
    seed: { type: 'string' },
  },
});
const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 100) {
  process.stderr.write(`--scale moet een getal tussen 0 en 100 zijn (kreeg "${values.scale}")\n`);
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.DATA_DIR });
try {
  await migrateDatabase(database);
  if (!(await isEmpty(database.db))) {
    if (!values.reset) {
      process.stderr.write('De database bevat al gegevens. Gebruik --reset om alles te wissen en opnieuw te vullen.\n');
      process.exit(1);
    }
    const tables = await database.execute(
      "select string_agg(format('%I', tablename), ', ') as names from pg_tables where schemaname = 'public'",
      [],
    );
    await database.db.execute(sql.raw(`truncate ${tables.rows[0]!.names} cascade`));
  }
  const summary = await seedDemoData(database, {
    scale,
    ...(values.seed ? { seed: values.seed } : {}),
    progress: (m) => process.stdout.write(`${m}\n`),
  });
  process.stdout.write(
    `\nKlaar: ${summary.records.toLocaleString('nl-NL')} records in ${summary.seconds.toFixed(1)} s.\n`,
  );
  printLogins(summary.logins);
} finally {
  await database.close();
}
