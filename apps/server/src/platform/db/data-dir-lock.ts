import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite takes no lock on its directory, and two processes on one directory corrupt it. The server
 * writes its pid beside the data; tools that open the directory refuse while that process lives.
 */
const lockFile = (dataDir: string) =>
  path.join(path.dirname(path.resolve(dataDir)), `.${path.basename(path.resolve(dataDir))}.pid`);

export function holderOf(dataDir: string): number | null {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid === process.pid ? null : pid;
  } catch {
    return null;
  }
}

export function lockDataDir(dataDir: string): () => void {
  const holder = holderOf(dataDir);
  if (holder) throw new Error(`De datamap ${dataDir} is in gebruik door proces ${holder}. Stop dat eerst.`);
  const file = lockFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
