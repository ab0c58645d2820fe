import { existsSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { chooseEncoding, portalIndexPages, withFirstAnswer, withSession, type PortalPage } from './portal-preloads.ts';

/** GET /api/auth/me's answer for the request's session cookie, or null without a valid session. */
export type SessionOf = (request: FastifyRequest) => Promise<unknown>;

/**
 * Serves the built SPA; any non-API path falls back to index.html so client routes deep-link. A page
 * that reads the session gets it written in (`withSession`), so the portal needs no round trip for it.
 */
export async function serveWebApp(app: FastifyInstance, distDir: string, sessionOf: SessionOf) {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build:web`');
    return false;
  }
  // serve: false registers no routes of its own (only reply.sendFile): every route here declares its access.
  // cacheControl: false, or its `public, max-age=0` would replace ours below. preCompressed: the build
  // wrote .br and .gz beside each text asset (apps/web/vite-plugins/precompress.ts); the browser gets
  // the smallest it accepts, with `Vary: Accept-Encoding`.
  await app.register(fastifyStatic, {
    root: path.resolve(distDir),
    serve: false,
    cacheControl: false,
    preCompressed: true,
  });
  const indexPageFor = portalIndexPages(distDir);
  app.get('/*', { config: { access: 'public' } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = request.url.split('?')[0]!.slice(1);
    if (file && !file.includes('..') && existsSync(path.join(distDir, file))) {
      const immutable = file.startsWith('assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(file);
    }
    const pathname = request.url.split('?')[0]!;
    const page = indexPageFor(pathname);
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    const session = page.session ? await sessionOf(request) : null;
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    reply.header('vary', 'accept-encoding, cookie').type('text/html; charset=utf-8');
    // A page that reads the session is made only for a logged-in visitor; without one it stays the shared copy.
    const firstAnswer = page.session && !session ? null : await firstAnswerOf(app, request, page, pathname);
    if (!session && !firstAnswer) return reply.header('cache-control', 'no-cache').send(page.anonymous[encoding]);
    let html = session ? withSession(page.html, session) : page.html;
    if (firstAnswer) html = withFirstAnswer(html, firstAnswer);
    // One person's session, CSRF token or data: like an API answer, no cache may keep it.
    return reply.header('cache-control', 'no-store').send(encode(html, encoding));
  });
  return true;
}

// The web app asks in the language the person chose on this device, Dutch unless they switched
// (apps/web/src/lib/http/http-client.ts); the server cannot see that choice, so it answers as for Dutch.
const WEB_DEFAULT_LANGUAGE = 'nl-NL';

/**
 * The answer the page would fetch first, asked of the app itself as the browser would ask it (same
 * route, access rules, rate limit by the caller's address). Only a 200 is written in: for anything else
 * the page fetches and shows the error as it always did.
 */
async function firstAnswerOf(app: FastifyInstance, request: FastifyRequest, page: PortalPage, pathname: string) {
  const url = page.firstAnswer?.(pathname);
  if (!url) return null;
  const answer = await app.inject({
    method: 'GET',
    url,
    remoteAddress: request.ip,
    // The caller's own session: a page reads only what its person may read through the API.
    headers: {
      accept: 'application/json',
      'accept-language': WEB_DEFAULT_LANGUAGE,
      ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}),
    },
  });
  if (answer.statusCode !== 200) return null;
  return { url, language: WEB_DEFAULT_LANGUAGE, body: answer.json() as unknown };
}

/** A page made for one request, compressed fast: it is a couple of kilobytes and is never reused. */
function encode(html: string, encoding: 'br' | 'gzip' | 'identity'): Buffer {
  const bytes = Buffer.from(html);
  if (encoding === 'br') return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  return encoding === 'gzip' ? gzipSync(bytes) : bytes;
}
