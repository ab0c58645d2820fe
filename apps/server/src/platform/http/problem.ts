import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, requestLanguage, type FieldError } from '../errors.ts';
import { RateLimited } from './rate-limit.ts';
import { isDiskFull, type DiskFullSignal } from './disk-full.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
};

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
 * PostgreSQL refusing a value the contract let through is still the caller's input: a 4xx naming what
 * was wrong, never a 500. (The contract should catch these first; the log says which one slipped by.)
 */
const DATABASE_INPUT_ERRORS: Record<string, [status: number, code: string, detail: string]> = {
  '22P02': [422, 'invalid_value', 'Een waarde heeft niet de juiste vorm'],
  '22003': [422, 'value_out_of_range', 'Een getal is te groot of te klein'],
  '22001': [422, 'value_too_long', 'Een waarde is te lang'],
  '22021': [422, 'invalid_text', 'Een tekst bevat tekens die niet opgeslagen kunnen worden'],
  '22P05': [422, 'invalid_text', 'Een tekst bevat tekens die niet opgeslagen kunnen worden'],
  '22007': [422, 'invalid_date', 'Een datum of tijdstip heeft niet de juiste vorm'],
  '22008': [422, 'invalid_date', 'Een datum of tijdstip bestaat niet'],
  '23503': [422, 'unknown_reference', 'De aanvraag verwijst naar iets dat niet bestaat'],
};

/** The database error behind an error, also when the query builder wrapped it (`cause`). */
function databaseError(error: unknown): { code: string; detail?: string } | undefined {
  let e = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code in DATABASE_INPUT_ERRORS) return e as { code: string; detail?: string };
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function databaseInputProblem(error: unknown): Problem | null {
  const found = databaseError(error);
  if (!found) return null;
  // A delete that a reference blocks is not an unknown id: the row exists and is still in use.
  if (found.code === '23503' && found.detail?.includes('is still referenced')) {
    return problem(409, 'still_referenced', 'Dit wordt nog gebruikt en kan niet worden verwijderd');
  }
  const [status, code, detail] = DATABASE_INPUT_ERRORS[found.code]!;
  return problem(status, code, detail);
}

/**
 * Errors Fastify answers before a route is found (a URL that is not valid percent-encoding, a path
 * parameter past `maxParamLength`): as problem+json like every other error. Fastify's `frameworkErrors`.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body =
    error.code === 'FST_ERR_BAD_URL'
      ? problem(400, 'bad_url', 'De URL bevat een ongeldige procentcodering')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? problem(414, 'uri_too_long', 'Een deel van de URL is te lang')
        : problem(500, 'internal', 'Er ging iets mis aan onze kant');
  if (body.status === 500) request.log.error({ err: error }, 'framework error');
  return reply.status(body.status).type('application/problem+json').send(body);
}

/**
 * Requests Node's HTTP parser refuses (not HTTP, headers too large, too slow) never reach Fastify: the
 * answer is written on the socket, as problem+json too. Fastify's `clientErrorHandler`.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem(431, 'headers_too_large', 'De headers van de aanvraag zijn te groot')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem(408, 'request_timeout', 'De aanvraag kwam niet op tijd binnen')
        : problem(400, 'bad_request', 'De aanvraag is geen geldig HTTP');
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}

/**
 * One error handler for the whole API (fastify/demo): expected errors become problem+json naming the
 * fields; 5xx details go to the log only, so a user never sees a stack trace.
 */
export function registerProblemHandlers(app: FastifyInstance, diskFull: DiskFullSignal): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body: Problem;
    const database = databaseInputProblem(error);
    if (error instanceof AppError) {
      const { message, errors } = error.in(requestLanguage(request.headers['accept-language']));
      body = problem(error.status, error.code, message, errors);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'ongeldig',
      }));
      body = problem(400, 'validation', 'De aanvraag bevat ongeldige velden', errors);
    } else if (database) {
      request.log.warn({ err: error }, 'the database refused input the contract let through');
      body = database;
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      body = problem(500, 'internal', 'Er ging iets mis aan onze kant');
    } else if (error.validation) {
      body = problem(400, 'validation', error.message);
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      const code =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'body_too_large'
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'unsupported_media_type'
            : error.statusCode === 429
              ? 'rate_limited'
              : 'bad_request';
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
    if (
      body.status === 401 &&
      request.routeOptions.config?.access &&
      typeof request.routeOptions.config.access === 'object' &&
      'apiKey' in request.routeOptions.config.access
    ) {
      reply.header('www-authenticate', 'Bearer realm="ChargeCars Partner API"');
    }
    return reply.status(body.status).type('application/problem+json').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body = problem(404, 'route_not_found', `Geen route voor ${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).type('application/problem+json').send(body);
  });
}
