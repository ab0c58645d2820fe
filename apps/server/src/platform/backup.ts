import { cp, mkdir, readdir, rename, rm, stat, readFile, writeFile } from 'node:fs/promises';
import { constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_START_PARAMS } from './db/client.ts';
import type { EmbeddedDatabase } from './db/threaded-pglite.ts';

export type BackupInfo = { file: string; bytes: number; createdAt: string };

const PREFIX = 'chargecars-';
const SUFFIX = '.tar.gz';

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * A consistent copy of the embedded database, taken while it keeps serving: an online base backup, as
 * PostgreSQL's own tools take one. `pg_backup_start` checkpoints (the only moment queries wait), the
 * files are copied while queries go on (a page written mid-copy is repaired from the write-ahead log,
 * which logs whole pages during a backup), `pg_backup_stop` ends it, and the log written meanwhile is
 * copied last with the backup label, so opening the copy replays it to the moment the backup ended. A
 * niced child process then opens the copy and writes PGlite's own dump of it, so a restore reads the
 * same format as ever. Keeps the newest `keep` generations.
 */
export async function createBackup(
  pglite: EmbeddedDatabase,
  backupDir: string,
  keep: number,
  now = new Date(),
): Promise<BackupInfo> {
  if (!pglite.dataDir) throw new Error('Alleen een database op schijf kan een back-up krijgen.');
  await mkdir(backupDir, { recursive: true });
  const file = path.join(backupDir, `${PREFIX}${stamp(now)}${SUFFIX}`);
  const snapshot = `${file}.snapshot`;
  const tmp = `${file}.partial`;
  try {
    await copyOnline(pglite, pglite.dataDir, snapshot);
    await dumpInChild(snapshot, tmp);
    await rename(tmp, file); // a half-written backup never looks like a backup
  } finally {
    await rm(snapshot, { recursive: true, force: true });
    await rm(tmp, { force: true });
  }
  await pruneBackups(backupDir, keep);
  const s = await stat(file);
  return { file, bytes: s.size, createdAt: now.toISOString() };
}

/** The write-ahead log's directory: copied after the backup ends, so it holds everything the copy needs. */
const WAL_DIR = 'pg_wal';

async function copyOnline(pglite: EmbeddedDatabase, dataDir: string, snapshot: string) {
  const copy = (from: string, to: string, skip: (relative: string) => boolean) =>
    cp(from, to, {
      recursive: true,
      filter: (source) => !skip(path.relative(from, source)),
      mode: constants.COPYFILE_FICLONE,
    });
  // The pid file belongs to the live server; the copy is opened by another instance.
  const skipped = (rel: string) =>
    rel === 'postmaster.pid' || rel === WAL_DIR || rel.startsWith(`${WAL_DIR}${path.sep}`);
  const started = await pglite.query<{ lsn: string }>(`select pg_backup_start('chargecars', true)::text as lsn`);
  let label: string;
  try {
    await copy(dataDir, snapshot, skipped);
  } finally {
    const stopped = await pglite.query<{ labelfile: string }>('select labelfile from pg_backup_stop(false)');
    label = stopped.rows[0]!.labelfile;
    // A committed write flushes the log past the backup's end record before the log is copied.
    await pglite.query('select txid_current()');
  }
  await copy(path.join(dataDir, WAL_DIR), path.join(snapshot, WAL_DIR), () => false);
  const startSegment = /\(file ([0-9A-F]{24})\)/.exec(label)?.[1];
  if (!startSegment || !existsSync(path.join(snapshot, WAL_DIR, startSegment)))
    throw new Error(`De back-up mist het logbestand vanaf ${started.rows[0]!.lsn}; probeer het opnieuw.`);
  await writeFile(path.join(snapshot, 'backup_label'), label);
}

// Plain JavaScript, so the child needs no TypeScript loader (under tsx and under vitest alike).
const DUMP_SCRIPT = `
const { writeFile } = require('node:fs/promises');
const job = JSON.parse(process.argv[1]);
(async () => {
  const { PGlite } = await import(job.pglite);
  const pg = await PGlite.create({ dataDir: job.snapshot, startParams: job.startParams });
  const dump = await pg.dumpDataDir('gzip');
  await pg.close();
  await writeFile(job.target, Buffer.from(await dump.arrayBuffer()));
})().catch((err) => { console.error(err); process.exit(1); });
`;

/**
 * PGlite's gzip tarball of a data directory, made by a child process at the lowest CPU priority: the
 * dump (opening the copy, tarring, gzip) takes seconds of CPU, and as a thread of the server it took
 * those from the requests on a small machine; niced, it gets only what the server leaves.
 */
function dumpInChild(snapshot: string, target: string): Promise<void> {
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', DUMP_SCRIPT, JSON.stringify({ pglite, snapshot, target, startParams: PGLITE_START_PARAMS })],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    try {
      if (child.pid) setPriority(child.pid, 19);
    } catch {
      /* not allowed here: it still works, only less politely */
    }
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`back-up-proces stopte met code ${code}: ${stderr.slice(0, 500)}`)),
    );
  });
}

export class BackupRunning extends Error {
  constructor() {
    super('Er wordt al een back-up gemaakt.');
  }
}

export type Backups = { create(): Promise<BackupInfo>; list(): Promise<BackupInfo[]> };

/** The server's backups: scheduled or on demand, one at a time (another while one runs is refused, not queued). */
export function backupsOf(pglite: EmbeddedDatabase, backupDir: string, keep: number): Backups {
  let running = false;
  return {
    async create() {
      if (running) throw new BackupRunning();
      running = true;
      try {
        return await createBackup(pglite, backupDir, keep);
      } finally {
        running = false;
      }
    },
    list: () => listBackups(backupDir),
  };
}

export async function listBackups(backupDir: string): Promise<BackupInfo[]> {
  if (!existsSync(backupDir)) return [];
  const names = (await readdir(backupDir))
    .filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX))
    .sort()
    .reverse();
  return Promise.all(
    names.map(async (n) => {
      const file = path.join(backupDir, n);
      const s = await stat(file);
      return { file, bytes: s.size, createdAt: s.mtime.toISOString() };
    }),
  );
}

async function pruneBackups(backupDir: string, keep: number) {
  const all = await listBackups(backupDir);
  for (const old of all.slice(keep)) await rm(old.file, { force: true });
}

/**
 * Replaces the data directory with a backup. The current directory is kept aside (never deleted),
 * and the backup is opened once before the swap so a damaged file changes nothing.
 */
export async function restoreBackup(
  backupFile: string,
  dataDir: string,
  now = new Date(),
): Promise<{ keptAside: string | null }> {
  const blob = new Blob([await readFile(backupFile)]);
  const staging = `${dataDir}.restoring`;
  await rm(staging, { recursive: true, force: true });
  try {
    const probe = await PGlite.create({ dataDir: staging, loadDataDir: blob, startParams: PGLITE_START_PARAMS });
    await probe.query('select 1');
    await probe.close();
  } catch (err) {
    // A damaged backup leaves nothing behind: the next attempt starts from a clean slate.
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
  let keptAside: string | null = null;
  if (existsSync(dataDir)) {
    keptAside = `${dataDir}.before-restore-${stamp(now)}`;
    await rename(dataDir, keptAside);
  }
  await rename(staging, dataDir);
  return { keptAside };
}
