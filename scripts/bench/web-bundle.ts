/**
 * Initial JavaScript per portal of the web app, gzipped, from an existing build.
 *
 *   npm run build -w apps/web && node --import tsx scripts/bench/web-bundle.ts
 *
 * "Initial" = what the browser must download before the portal can render: the entry chunk
 * and its static imports, plus the portal's lazy route chunk and its static imports (each
 * file counted once). Dynamic imports inside those are not initial and are left out.
 * The last line is one JSON object for tooling; exit code 1 when a portal is over budget.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PORTAL_ROUTE_MODULES } from '../../apps/server/src/platform/http/portal-preloads.ts';

type ManifestChunk = {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

const BUDGET_GZIP_BYTES = 250 * 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'apps/web/dist');
const manifestPath = path.join(dist, '.vite/manifest.json');

// Lazy route modules of the router (apps/web/src/app/router.tsx), by portal: the table the server
// uses to announce each portal's chunks in its index.html.
const routes: Record<string, string> = Object.fromEntries(
  Object.entries(PORTAL_ROUTE_MODULES).map(([portal, { module }]) => [portal, module]),
);

function readManifest(): Manifest {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    console.error(`No build found at ${manifestPath}. Run: npm run build -w apps/web`);
    process.exit(2);
  }
}

/** The chunk and everything it imports statically, transitively (manifest keys). */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no chunk ${key}`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

const gzipCache = new Map<string, { raw: number; gzip: number; br: number }>();
function sizeOf(file: string): { raw: number; gzip: number; br: number } {
  let size = gzipCache.get(file);
  if (!size) {
    const bytes = readFileSync(path.join(dist, file));
    const brFile = path.join(dist, `${file}.br`);
    // Level 9 gzip, and the brotli copy the build wrote (what the server sends to a browser that takes br).
    const gzip = gzipSync(bytes, { level: 9 }).length;
    size = { raw: bytes.length, gzip, br: existsSync(brFile) ? statSync(brFile).size : gzip };
    gzipCache.set(file, size);
  }
  return size;
}

const manifest = readManifest();
const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) throw new Error('manifest has no entry chunk');

type Row = {
  portal: string;
  chunks: number;
  rawBytes: number;
  gzipBytes: number;
  brBytes: number;
  cssGzipBytes: number;
  withinBudget: boolean;
};
const rows: Row[] = [];
for (const [portal, routeKey] of Object.entries(routes)) {
  const keys = new Set([...staticClosure(manifest, entryKey), ...staticClosure(manifest, routeKey)]);
  const files = [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  const cssFiles = new Set([...keys].flatMap((k) => manifest[k]!.css ?? []));
  const raw = files.reduce((sum, f) => sum + sizeOf(f).raw, 0);
  const gzip = files.reduce((sum, f) => sum + sizeOf(f).gzip, 0);
  const br = files.reduce((sum, f) => sum + sizeOf(f).br, 0);
  const cssGzip = [...cssFiles].reduce((sum, f) => sum + sizeOf(f).gzip, 0);
  rows.push({
    portal,
    chunks: files.length,
    rawBytes: raw,
    gzipBytes: gzip,
    brBytes: br,
    cssGzipBytes: cssGzip,
    withinBudget: gzip <= BUDGET_GZIP_BYTES,
  });
}

// Charting and map libraries must stay out of every initial bundle (they belong to later, lazy screens).
const heavy = /recharts|d3-|topojson/;
const initialKeys = new Set(
  Object.values(routes).flatMap((r) => [...staticClosure(manifest, entryKey), ...staticClosure(manifest, r)]),
);
const heavyInInitial = [...initialKeys].filter((k) => heavy.test(k) || heavy.test(manifest[k]?.name ?? ''));

const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);
console.log(`web bundle: initial JavaScript per portal (budget ${BUDGET_GZIP_BYTES / 1024} KB gzip)`);
console.log('portal       chunks   raw KB  gzip KB    br KB  css gz KB  budget');
for (const r of rows) {
  console.log(
    `${r.portal.padEnd(12)} ${String(r.chunks).padStart(6)} ${kb(r.rawBytes)} ${kb(r.gzipBytes)} ${kb(r.brBytes)} ${kb(r.cssGzipBytes).padStart(10)}  ${r.withinBudget ? 'ok' : 'OVER'}`,
  );
}
console.log(`cores (os.availableParallelism): ${os.availableParallelism()}`);
if (heavyInInitial.length) console.log(`heavy libraries in an initial bundle: ${heavyInInitial.join(', ')}`);

const allOk = rows.every((r) => r.withinBudget) && heavyInInitial.length === 0;
console.log(
  JSON.stringify({
    bench: 'web-bundle',
    budgetGzipBytes: BUDGET_GZIP_BYTES,
    cores: os.availableParallelism(),
    portals: Object.fromEntries(
      rows.map((r) => [
        r.portal,
        {
          chunks: r.chunks,
          rawBytes: r.rawBytes,
          gzipBytes: r.gzipBytes,
          brBytes: r.brBytes,
          cssGzipBytes: r.cssGzipBytes,
          withinBudget: r.withinBudget,
        },
      ]),
    ),
    heavyInInitial,
    ok: allOk,
  }),
);
if (!allOk) process.exitCode = 1;
