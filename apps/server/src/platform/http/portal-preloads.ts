import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
 * The lazy route module of each portal (apps/web/src/app/router.tsx) by the path that opens it, and
 * whether its page reads the session (then the server writes it into the page, see `withSession`).
 * scripts/bench/web-bundle.ts measures the same modules.
 */
export const PORTAL_ROUTE_MODULES: Record<
  string,
  { prefix: string; module: string; session: boolean; firstAnswer?: (pathname: string) => string | null }
> = {
  ops: { prefix: '/ops', module: 'src/app/routes/ops/ops-portal.tsx', session: true },
  // A phone's first load shows the team's week from the page (the service worker serves later loads).
  technician: {
    prefix: '/technician',
    module: 'src/app/routes/technician/technician-portal.tsx',
    session: true,
    firstAnswer: () => '/api/mobile/week',
  },
  partner: { prefix: '/partner', module: 'src/app/routes/partner/partner-portal.tsx', session: true },
  customer: { prefix: '/customer', module: 'src/app/routes/customer/customer-portal.tsx', session: true },
  // The login page reads the session too: someone still logged in goes on to their portal.
  login: { prefix: '/login', module: 'src/app/routes/login/login-page.tsx', session: true },
  // A link's page reads one answer before it can show anything: the server writes it in (`withFirstAnswer`).
  signing: {
    prefix: '/sign/',
    module: 'src/app/routes/signing/signing-route.tsx',
    session: false,
    firstAnswer: (pathname) => (/^\/sign\/[\w-]{1,200}$/.test(pathname) ? `/api${pathname}` : null),
  },
  intake: {
    prefix: '/intake/',
    module: 'src/app/routes/intake/intake-page.tsx',
    session: false,
    firstAnswer: (pathname) => (/^\/intake\/[\w-]{1,200}$/.test(pathname) ? `/api${pathname}` : null),
  },
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
 * what that imports; each wave costs a round trip. With `modulepreload` the portal arrives alongside
 * the entry. `session` says whether the page reads the session (the web-app route writes it in).
 */
export function portalIndexPages(distDir: string): (url: string) => PortalPage {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const manifest = readManifest(distDir);
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  const inEntry = entryKey ? staticClosure(manifest, entryKey) : new Set<string>();
  const pageOf = (page: string, session: boolean): PortalPage => ({
    html: page,
    session,
    anonymous: indexPage(session ? withSession(page, null) : page),
  });
  const pages = Object.values(PORTAL_ROUTE_MODULES).map(({ prefix, module, session, firstAnswer }) => {
    const keys = [...staticClosure(manifest, module)].filter((k) => !inEntry.has(k));
    const links = [
      ...keys.map((k) => `<link rel="modulepreload" crossorigin href="/${manifest[k]!.file}">`),
      ...keys.flatMap((k) => manifest[k]!.css ?? []).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
    ];
    const page = links.length ? html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`) : html;
    return { prefix, firstAnswer, ...pageOf(page, session) };
  });
  // Any other page (the home redirect) reads the session too.
  const plain = pageOf(html, true);
  return (url) => pages.find((p) => url.startsWith(p.prefix)) ?? plain;
}

function readManifest(distDir: string): Manifest {
  try {
    return JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  } catch {
    // A build without a manifest still works, just without the hints.
    return {};
  }
}

/**
 * A portal's page: its html, whether it reads the session, and the page for a visitor without one
 * (compressed once at start). A logged-in user's page is made per request with `withSession`.
 */
export type PortalPage = {
  html: string;
  session: boolean;
  anonymous: IndexPage;
  /** The API path whose answer the page needs first, for a page path; see `withFirstAnswer`. */
  firstAnswer?: ((pathname: string) => string | null) | undefined;
};

/** The id of the data block the web app reads its session from (apps/web/src/features/auth/api/embedded-session.ts). */
export const SESSION_DATA_ID = 'session-data';

/**
 * The page with the session (GET /api/auth/me's answer, or null for nobody) as a JSON data block:
 * the web app has it without another round trip, which on a slow link is 400 ms or more. A data block
 * is never run, so the content security policy (`script-src 'self'`) allows it; `<` is escaped so no
 * value (a user's name) can close the element.
 */
export function withSession(html: string, session: unknown): string {
  const json = JSON.stringify(session).replace(/</g, '\\u003c');
  return html.replace(
    '</head>',
    `  <script type="application/json" id="${SESSION_DATA_ID}">${json}</script>\n  </head>`,
  );
}

/** The id of the data block holding the first answer (apps/web/src/lib/http/first-answer.ts). */
export const FIRST_ANSWER_DATA_ID = 'first-answer';

/**
 * The page with the answer it would fetch first (a signing link's quote part): one round trip less on a
 * slow link, where the page otherwise waits for its script and then for this answer. `language` is the
 * language the answer was made in; the web app uses it only when it reads that language. Escaped as in
 * `withSession`.
 */
export function withFirstAnswer(html: string, answer: { url: string; language: string; body: unknown }): string {
  const json = JSON.stringify(answer).replace(/</g, '\\u003c');
  return html.replace(
    '</head>',
    `  <script type="application/json" id="${FIRST_ANSWER_DATA_ID}">${json}</script>\n  </head>`,
  );
}

/** A page as sent: plain, and compressed for browsers that take brotli or gzip. */
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
