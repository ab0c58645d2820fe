import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { chooseEncoding, portalIndexPages } from './portal-preloads.ts';

/** Serves the built SPA; any non-API path falls back to index.html so client routes deep-link. */
export async function serveWebApp(app: FastifyInstance, distDir: string) {
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
  app.get('/*', { config: { access: 'public' } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = request.url.split('?')[0]!.slice(1);
    if (file && !file.includes('..') && existsSync(path.join(distDir, file))) {
      const immutable = file.startsWith('assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(file);
    }
    const page = indexPageFor(request.url.split('?')[0]!);
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding')
      .type('text/html; charset=utf-8')
      .send(page[encoding]);
  });
  return true;
}
