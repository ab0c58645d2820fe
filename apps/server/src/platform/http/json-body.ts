import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** Deeper than any request of the contract (a few levels), far below what recursion can take. */
export const MAX_JSON_DEPTH = 64;

function nestedDeeperThan(value: unknown, max: number): boolean {
  // A stack, not recursion: the point is to look at 5,000 levels without overflowing.
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * JSON bodies as Fastify parses them, refused with a 400 when nested deeper than MAX_JSON_DEPTH: code
 * after the parser (Idempotency-Key hashing, validation, JSON columns) walks bodies recursively, and a
 * body of 5,000 levels (JSON.parse takes it) would overflow the stack there.
 */
export function refuseDeepJson(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error, value) => {
      if (error) return done(error, undefined);
      if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
        return done(
          new AppError(400, 'json_too_deep', `JSON mag hoogstens ${MAX_JSON_DEPTH} niveaus diep genest zijn`),
          undefined,
        );
      }
      done(null, value);
    });
  });
}
