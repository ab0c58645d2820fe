import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
 * The lazy route module of each portal (apps/web/src/app/router.tsx) by the path that opens it.
 * scripts/bench/web-bundle.ts measures the same modules.
 */
export const PORTAL_ROUTE_MODULES: Record<string, { prefix: string; module: string; session: boolean }> = {
  ops: { prefix: '/ops', module: 'src/app/routes/ops/ops-portal.tsx', session: true },
  technician: { prefix: '/technician', module: 'src/app/routes/technician/technician-portal.tsx', session: true },
  partner: { prefix: '/partner', module: 'src/app/routes/partner/partner-portal.tsx', session: true },
  customer: { prefix: '/customer', module: 'src/app/routes/customer/customer-portal.tsx', session: true },
  // Not the session: on the login page it is usually 401, which is no use to fetch early.
  login: { prefix: '/login', module: 'src/app/routes/login/login-page.tsx', session: false },
  signing: { prefix: '/sign/', module: 'src/app/routes/signing/signing-route.tsx', session: false },
  intake: { prefix: '/intake/', module: 'src/app/routes/intake/intake-page.tsx', session: false },
};

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; css?: string[] };
type Manifest = Record<string, ManifestChunk>;

function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/**
 * index.html per portal, with the portal's chunks announced in its head. Without them a phone on a
 * slow link fetches in waves: the entry, then (once React Router has matched) the portal's chunk, then
 * what that imports, then the session; each wave costs a round trip. With `modulepreload` the portal
 * arrives alongside the entry, and the session request (`preload as=fetch`, which `fetch()` of the same
 * URL and credentials reuses) runs while the JavaScript is still downloading.
 */
export function portalIndexPages(distDir: string): (url: string) => IndexPage {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const plain = indexPage(html);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  } catch {
    // A build without a manifest still works, just without the hints.
    return () => plain;
  }
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  const inEntry = entryKey ? staticClosure(manifest, entryKey) : new Set<string>();
  const pages = Object.values(PORTAL_ROUTE_MODULES).map(({ prefix, module, session }) => {
    const keys = [...staticClosure(manifest, module)].filter((k) => !inEntry.has(k));
    const links = [
      ...(session ? ['<link rel="preload" href="/api/auth/me" as="fetch" crossorigin="anonymous">'] : []),
      ...keys.map((k) => `<link rel="modulepreload" crossorigin href="/${manifest[k]!.file}">`),
      ...keys.flatMap((k) => manifest[k]!.css ?? []).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
    ];
    return { prefix, page: indexPage(html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`)) };
  });
  return (url) => pages.find((p) => url.startsWith(p.prefix))?.page ?? plain;
}

/** A page as sent: plain, and compressed once at start for browsers that take brotli or gzip. */
export type IndexPage = { identity: Buffer; br: Buffer; gzip: Buffer };
function indexPage(html: string): IndexPage {
  const identity = Buffer.from(html);
  return { identity, br: brotliCompressSync(identity), gzip: gzipSync(identity) };
}

/** The encoding to send: brotli, then gzip, when the request accepts it (`q=0` refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}
