// npm start: the whole platform on the embedded database. The first start migrates, loads demo data and
// builds the web app; later starts reuse all of it.
import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMain } from '../apps/server/src/main.ts';
import { isEmpty, seedDemoData } from './seed/seed-demo.ts';
import { printLogins } from './seed/print-logins.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const webIndex = path.join(root, 'apps/web/dist/index.html');
if (!existsSync(webIndex) || process.env.REBUILD_WEB === '1') {
  process.stdout.write('Web-app bouwen (eenmalig) ...\n');
  const built = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// Kept beside the data directory, so a later start can print the same logins.
const loginsFile = path.resolve(root, process.env.DATA_DIR ?? 'data', '..', '.demo-logins.json');
const server = await runMain(async (database, say) => {
  if (!(await isEmpty(database.db))) return;
  const scale = Number(process.env.SEED_SCALE ?? 1);
  const summary = await seedDemoData(database, { scale, progress: say });
  say(`Demodata geladen: ${summary.records.toLocaleString('nl-NL')} records in ${summary.seconds.toFixed(1)} s.`);
  writeFileSync(loginsFile, JSON.stringify(summary.logins, null, 2));
});
process.stdout.write(`\nChargeCars Platform draait op ${server.url}  (API-documentatie: ${server.url}/api/docs)\n`);
if (existsSync(loginsFile))
  printLogins(JSON.parse(readFileSync(loginsFile, 'utf8')), server.url, server.config.MAIL_DROP_DIR);
