import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '/work/main/apps/server/src/platform/db/client.ts';
import { migrateDatabase } from '/work/main/apps/server/src/platform/db/migrate.ts';
let t=performance.now();
const d = await openDatabase({dataDir:'memory'}); console.log('create', performance.now()-t); t=performance.now();
await migrateDatabase(d); console.log('migrate', performance.now()-t); t=performance.now();
const blob = await d.pglite!.dumpDataDir('none'); console.log('dump', performance.now()-t, blob.size); t=performance.now();
const d2 = await openDatabase({dataDir:'memory', loadDataDir: blob}); console.log('load', performance.now()-t); t=performance.now();
console.log((await d2.execute('select count(*) from pg_tables where schemaname=\'public\'')).rows);
