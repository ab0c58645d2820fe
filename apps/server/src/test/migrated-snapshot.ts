import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/client.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { createScratchPostgres } from './scratch-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL: a migrated database that each test file copies (`CREATE DATABASE … TEMPLATE`). */
    migratedTemplateDatabase: string | null;
    /** PGlite: a migrated data directory (tar) that each test file loads instead of migrating. */
    migratedSnapshotFile: string | null;
  }
}

/**
 * Vitest global setup: migrate once for the whole run, not once per test file. Each file then starts from
 * a copy (test-database.ts), so a file still cannot see another's rows.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const template = await createScratchPostgres(adminUrl, `cc_template_${randomBytes(3).toString('hex')}`);
    const database = await openDatabase({ url: template.url });
    await migrateDatabase(database);
    await database.close();
    project.provide('migratedTemplateDatabase', new URL(template.url).pathname.slice(1));
    project.provide('migratedSnapshotFile', null);
    return () => template.drop();
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'cc-snapshot-'));
  const database = await openDatabase({ dataDir: 'memory' });
  await migrateDatabase(database);
  const file = path.join(dir, 'migrated.tar');
  await writeFile(file, Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer()));
  await database.close();
  project.provide('migratedSnapshotFile', file);
  project.provide('migratedTemplateDatabase', null);
  return () => rm(dir, { recursive: true, force: true });
}
