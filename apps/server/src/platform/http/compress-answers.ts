import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { chooseEncoding } from './portal-preloads.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this a compressed answer saves less than a packet; not worth the CPU. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^application\/(?:problem\+)?json|^text\/(?:csv|plain|calendar)/;

/**
 * API answers (JSON, CSV) go out brotli- or gzip-compressed when the caller accepts it: on a phone's
 * slow link a day's sync or a list of 50 orders shrinks to a fifth (issues 15 and 16). Compression runs
 * on libuv's thread pool, so it does not hold up other requests.
 *
 * The session answers under /api/auth are left plain: they carry the CSRF token, and a secret sent
 * compressed beside text a third party can influence is what BREACH reads out.
 */
export function compressAnswers(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/auth/')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type)) return payload;
    const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (bytes.length < MIN_BYTES) return payload;
    reply.header('vary', appendVary(reply.getHeader('vary'), 'accept-encoding'));
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (encoding === 'identity') return payload;
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return encoding === 'br'
      ? brotli(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        })
      : gzipAsync(bytes, { level: 6 });
  });
}

function appendVary(current: unknown, field: string): string {
  const text = current === undefined ? '' : String(current);
  if (text.split(',').some((f) => f.trim().toLowerCase() === field)) return text;
  return text ? `${text}, ${field}` : field;
}
