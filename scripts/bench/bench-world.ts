import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../apps/server/src/platform/db/client.ts';
import { migrateDatabase } from '../../apps/server/src/platform/db/migrate.ts';
import * as s from '../../apps/server/src/platform/db/schema.ts';
import { displayPrefix, hashApiKey, newApiKey } from '../../apps/server/src/modules/partners/index.ts';
import { seedDemoData } from '../seed/seed-demo.ts';

/** Where a benchmark server keeps its data: an embedded directory, or a fresh PostgreSQL database. */
export type BenchTarget = { kind: 'pglite'; dir: string } | { kind: 'postgres'; adminUrl: string; name: string };

export const targetEnv = (t: BenchTarget): Record<string, string> =>
  t.kind === 'pglite' ? { DATA_DIR: t.dir } : { DATABASE_URL: dbUrl(t) };

const dbUrl = (t: Extract<BenchTarget, { kind: 'postgres' }>) => {
  const u = new URL(t.adminUrl);
  u.pathname = `/${t.name}`;
  return u.toString();
};

export async function openTarget(t: BenchTarget): Promise<Database> {
  return t.kind === 'pglite' ? openDatabase({ dataDir: t.dir }) : openDatabase({ url: dbUrl(t) });
}

/**
 * The demo data at `scale` in the target, seeded once and kept for later runs (seeding scale 10 takes
 * minutes): the database or directory is made when missing, migrated every time, and seeded when
 * `seededTable` is still empty. Seeding prints its progress.
 */
export async function seedDemoOnce(t: BenchTarget, scale: number, seededTable: string) {
  if (t.kind === 'pglite') {
    if (!existsSync(path.join(t.dir, 'PG_VERSION'))) {
      rmSync(t.dir, { recursive: true, force: true });
      mkdirSync(t.dir, { recursive: true });
    }
  } else {
    const admin = new pg.Client({ connectionString: t.adminUrl });
    await admin.connect();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [t.name]);
    if (!exists.rowCount) await admin.query(`create database ${t.name}`);
    await admin.end();
  }
  const database = await openTarget(t);
  await migrateDatabase(database);
  const seeded = await database.execute(`select exists (select 1 from ${seededTable}) seeded`, []);
  if (!seeded.rows[0]!.seeded) {
    process.stdout.write(`seeding scale ${scale} (once; kept for later runs) ...\n`);
    const summary = await seedDemoData(database, { scale, progress: (line) => process.stdout.write(`  ${line}\n`) });
    process.stdout.write(`seeded ${summary.records.toLocaleString('en')} records in ${summary.seconds.toFixed(1)} s\n`);
  }
  await database.close();
}

/**
 * A fresh, migrated database with what the lead API needs: two entities, the regions with a team,
 * one partner and an API key for it. Returns the key's secret.
 */
export async function prepareBenchWorld(t: BenchTarget, scopes = ['leads:write', 'leads:read']) {
  if (t.kind === 'pglite') {
    rmSync(t.dir, { recursive: true, force: true });
    mkdirSync(t.dir, { recursive: true });
  } else {
    const admin = new pg.Client({ connectionString: t.adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${t.name} with (force)`);
    await admin.query(`create database ${t.name}`);
    await admin.end();
  }
  const database = await openTarget(t);
  await migrateDatabase(database);
  const { db } = database;
  await db.insert(s.businessEntities).values([
    {
      id: 'chargecars',
      name: 'ChargeCars',
      legalName: 'ChargeCars B.V.',
      kind: 'b2b_partner',
      kvkNumber: '1',
      vatNumber: 'NL1B01',
      iban: 'NL00BANK0000000001',
      emailFrom: 'planning@chargecars.nl',
      brandColor: '#16a34a',
      website: 'https://chargecars.nl',
    },
    {
      id: 'laderthuis',
      name: 'LaderThuis.nl',
      legalName: 'LaderThuis B.V.',
      kind: 'consumer',
      kvkNumber: '2',
      vatNumber: 'NL2B01',
      iban: 'NL00BANK0000000002',
      emailFrom: 'info@laderthuis.nl',
      brandColor: '#2563eb',
      website: 'https://laderthuis.nl',
    },
  ]);
  await db.insert(s.regions).values({ code: 'MIDDEN', name: 'Midden', pc2: ['35', '38'] });
  const [team] = await db
    .insert(s.teams)
    .values({
      code: 'T1',
      name: 'Team Midden',
      homeBasePc4: '3861',
      homeBaseLabel: 'Nijkerk',
      lat: 52.22666,
      lon: 5.47561,
    })
    .returning();
  await db.insert(s.teamRegions).values({ teamId: team!.id, regionCode: 'MIDDEN' });
  const [partner] = await db
    .insert(s.partners)
    .values({
      number: 'P-BENCH',
      name: 'Bench Partner',
      category: 'LeadTransfer',
      entityId: 'chargecars',
      kvkNumber: '3',
      email: 'bench@example.nl',
    })
    .returning();
  const secret = newApiKey();
  await db.insert(s.partnerApiKeys).values({
    partnerId: partner!.id,
    name: 'bench',
    keyPrefix: displayPrefix(secret),
    keyHash: hashApiKey(secret),
    scopes,
  });
  await database.close();
  return { secret, partnerId: partner!.id };
}

/** A lead body that runs the whole pipeline; `i` makes each person distinct. */
export const benchLead = (i: number, run: string) => ({
  email: `bench-${run}-${i}@example.nl`,
  name: `Bench Klant ${i}`,
  phone: `06${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`,
  address: { postcode: '3861 AB', houseNumber: 1 + (i % 9_999), street: 'Kerkstraat', city: 'Nijkerk' },
  productInterest: 'Thuislader',
  partnerReference: `${run}-${i}`,
});

/** Waits until the pipeline has processed every lead (none is `received` any more); answers the seconds it took. */
export async function waitForPipeline(
  client: { get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> },
  secret: string,
  timeoutSeconds = 600,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const res = await client.get('/api/v1/leads?status=received&limit=1', { authorization: `Bearer ${secret}` });
    if (res.status === 200 && (JSON.parse(res.body) as { items: unknown[] }).items.length === 0)
      return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutSeconds * 1000) return NaN;
    await new Promise((r) => setTimeout(r, 250));
  }
}
