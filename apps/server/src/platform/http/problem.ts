import type { FastifyInstance, FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.ts';
import { RateLimited } from './rate-limit.ts';
import { isDiskFull, type DiskFullSignal } from './disk-full.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

export type Problem = { type: string; title: string; status: number; detail?: string; instance?: string; code?: string; errors?: FieldError[] };

export function problem(status: number, code: string, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: `https://docs.chargecars.nl/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length ? { errors } : {}),
  };
}

/**
 * One error handler for the whole API (fastify/demo): expected errors become problem+json naming the
 * fields; 5xx details go to the log only, so a user never sees a stack trace.
 */
export function registerProblemHandlers(app: FastifyInstance, diskFull: DiskFullSignal): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body: Problem;
    if (error instanceof AppError) {
      body = problem(error.status, error.code, error.message, error.errors);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'ongeldig',
      }));
      body = problem(400, 'validation', 'De aanvraag bevat ongeldige velden', errors);
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      body = problem(500, 'internal', 'Er ging iets mis aan onze kant');
    } else if (error.validation) {
      body = problem(400, 'validation', error.message);
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body_too_large'
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type'
        : error.statusCode === 429 ? 'rate_limited' : 'bad_request';
      body = problem(error.statusCode, code, error.message);
    } else if (isDiskFull(error)) {
      request.log.error({ err: error }, 'disk full');
      diskFull.note();
      body = problem(503, 'disk_full', 'De opslag van de server is vol; probeer het later opnieuw');
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = problem(500, 'internal', 'Er ging iets mis aan onze kant');
    }
    body.instance = request.url.split('?')[0];
    if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfterSeconds));
    if (body.status === 401 && request.routeOptions.config?.access && typeof request.routeOptions.config.access === 'object' && 'apiKey' in request.routeOptions.config.access) {
      reply.header('www-authenticate', 'Bearer realm="ChargeCars Partner API"');
    }
    return reply.status(body.status).type('application/problem+json').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body = problem(404, 'route_not_found', `Geen route voor ${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).type('application/problem+json').send(body);
  });
}
