import { mkdir, readdir, rename, rm, stat, writeFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_START_PARAMS } from './db/client.ts';

export type BackupInfo = { file: string; bytes: number; createdAt: string };

const PREFIX = 'chargecars-';
const SUFFIX = '.tar.gz';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * A consistent copy of the embedded database: PGlite checkpoints and tars its data directory while no
 * other query or transaction runs. Keeps the newest `keep` generations.
 */
export async function createBackup(pglite: PGlite, backupDir: string, keep: number, now = new Date()): Promise<BackupInfo> {
  await mkdir(backupDir, { recursive: true });
  await pglite.exec('CHECKPOINT');
  // Wait for open transactions too, not only single queries (dumpDataDir alone takes the query lock).
  const internal = pglite as unknown as { _runExclusiveTransaction?: <T>(fn: () => Promise<T>) => Promise<T> };
  const dump = internal._runExclusiveTransaction ? await internal._runExclusiveTransaction(() => pglite.dumpDataDir('gzip')) : await pglite.dumpDataDir('gzip');
  const file = path.join(backupDir, `${PREFIX}${stamp(now)}${SUFFIX}`);
  const tmp = `${file}.partial`;
  await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
  await rename(tmp, file); // a half-written backup never looks like a backup
  await pruneBackups(backupDir, keep);
  const s = await stat(file);
  return { file, bytes: s.size, createdAt: now.toISOString() };
}

export async function listBackups(backupDir: string): Promise<BackupInfo[]> {
  if (!existsSync(backupDir)) return [];
  const names = (await readdir(backupDir)).filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX)).sort().reverse();
  return Promise.all(names.map(async (n) => {
    const file = path.join(backupDir, n);
    const s = await stat(file);
    return { file, bytes: s.size, createdAt: s.mtime.toISOString() };
  }));
}

async function pruneBackups(backupDir: string, keep: number) {
  const all = await listBackups(backupDir);
  for (const old of all.slice(keep)) await rm(old.file, { force: true });
}

/**
 * Replaces the data directory with a backup. The current directory is kept aside (never deleted),
 * and the backup is opened once before the swap so a damaged file changes nothing.
 */
export async function restoreBackup(backupFile: string, dataDir: string, now = new Date()): Promise<{ keptAside: string | null }> {
  const blob = new Blob([await readFile(backupFile)]);
  const staging = `${dataDir}.restoring`;
  await rm(staging, { recursive: true, force: true });
  const probe = await PGlite.create({ dataDir: staging, loadDataDir: blob, startParams: PGLITE_START_PARAMS });
  await probe.query('select 1');
  await probe.close();
  let keptAside: string | null = null;
  if (existsSync(dataDir)) {
    keptAside = `${dataDir}.before-restore-${stamp(now)}`;
    await rename(dataDir, keptAside);
  }
  await rename(staging, dataDir);
  return { keptAside };
}
