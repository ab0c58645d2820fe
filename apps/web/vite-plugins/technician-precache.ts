import { readFileSync } from 'node:fs';
import path from 'node:path';

type ManifestChunk = {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
};
export type BuildManifest = Record<string, ManifestChunk>;
type PrecacheEntry = { url: string; revision: string | null; size: number };

/** The technician portal's lazy route module (apps/web/src/app/router.tsx). */
export const TECHNICIAN_ROUTE = 'src/app/routes/technician/technician-portal.tsx';
/** The router's lazy route modules: one per portal or public page. */
const ROUTE_MODULE = /^src\/app\/routes\//;

/**
 * The built files the technician app can ever load: the entry with everything it imports, the
 * technician portal with its lazy screens (visit execution, signature pad, scanner and its WASM), and
 * what those import, statically or lazily. Another portal's or public page's route module is not
 * followed: a phone in a meter cupboard never opens the ops board, so it need not hold it.
 */
export function technicianFiles(manifest: BuildManifest): Set<string> {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('the build manifest has no entry chunk');
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
    for (const lazy of chunk.dynamicImports ?? [])
      if (!ROUTE_MODULE.test(lazy) || lazy === TECHNICIAN_ROUTE) visit(lazy);
  };
  visit(entry);
  visit(TECHNICIAN_ROUTE);
  return files;
}

/**
 * A workbox `manifestTransforms` step for vite-plugin-pwa: of the files the glob found, keeps the
 * technician app's built files (read from Vite's build manifest, written before the service worker is
 * made) and what is not a built chunk at all (index.html, the web manifest, the icons).
 */
export function technicianPrecache(outDir: string) {
  return async (entries: PrecacheEntry[]) => {
    const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as BuildManifest;
    const keep = technicianFiles(manifest);
    const built = new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? []), ...(c.assets ?? [])]));
    return { manifest: entries.filter((e) => keep.has(e.url) || !built.has(e.url)) };
  };
}
