import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The worktree root, so default paths like ../shared resolve the same from any cwd. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function printMachine(): void {
  console.log(`cores (os.availableParallelism): ${availableParallelism()}, node ${process.version}`);
}

/** Instance files from file or folder arguments, sorted by name within each folder. */
export function instanceFiles(args: string[], fallback: string, extension: RegExp): string[] {
  const roots = (args.length > 0 ? args : [fallback]).map((a) => resolve(repoRoot, a));
  const files: string[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    } else if (extension.test(path)) {
      files.push(path);
    }
  };
  roots.forEach(walk);
  return files;
}

/** Best-known values from a `instance,vehicles,distance,...` CSV next to the instance. */
export function readBks(file: string): Map<string, { vehicles: number; distance: number }> {
  const result = new Map<string, { vehicles: number; distance: number }>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return result;
  }
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [name, vehicles, distance] = line.split(',');
    if (name && vehicles && distance)
      result.set(name.toLowerCase(), { vehicles: Number(vehicles), distance: Number(distance) });
  }
  return result;
}

export function instanceName(file: string): string {
  return basename(file)
    .replace(/\.[^.]+$/, '')
    .toLowerCase();
}

export function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}
