import type { z } from 'zod';
import { pathOf, type Endpoint, type PathParams } from './endpoint';
import { takeFirstAnswer } from './first-answer';
import { ProblemError, problemFromResponse } from './problem-error';
import { LOCALE_STORAGE_KEY } from '../i18n/i18n';

// The session cookie is httpOnly; the CSRF token comes in the body of login/me/consume and
// must be echoed on every state-changing request (docs/api-foundation.md, Auth).
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
let csrfRefresher: (() => Promise<void>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Whether a CSRF token is known: the page's embedded session or a session answer brought one. */
export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

/** Registered once by the app: what to do when the server says the session is gone. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/**
 * Registered once by the app: fetches a fresh CSRF token (GET /api/auth/me). Used when the
 * server rejects ours, e.g. after the user logged in again in another tab (new session,
 * new token) and this tab still holds the old one.
 */
export function onCsrfRejected(refresh: (() => Promise<void>) | null): void {
  csrfRefresher = refresh;
}

export type RequestOptions = {
  /** Values for the endpoint's `:name` path parameters. */
  params?: PathParams;
  body?: unknown;
  /** Raw bytes sent as they are (a photo), in place of a JSON body. */
  bytes?: Blob;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal | undefined;
  /** Login and session probes expect 401 as an answer, not as an expired session. */
  allowUnauthorized?: boolean;
};

/** Builds `/api/...?a=1` leaving out empty parameters, so cache keys and URLs stay tidy. */
export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Calls the endpoint and validates the answer with its contract schema.
 *
 * @example
 * const me = await request(sessionEndpoint);
 */
export async function request<S extends z.ZodType>(
  target: Endpoint<S>,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const embedded = embeddedAnswer(target, options);
  if (embedded !== null) return embedded;
  const response = await send(target, options);
  if (response.status === 204) return target.response.parse(undefined);
  return target.response.parse(await response.json());
}

/**
 * The answer the server wrote into the page for this GET (apps/server/src/platform/http/web-app.ts),
 * once, in the language this person reads; null when there is none, without asking the network.
 */
export function embeddedAnswer<S extends z.ZodType>(
  target: Endpoint<S>,
  options: RequestOptions = {},
): z.output<S> | null {
  if (target.method !== 'GET') return null;
  const embedded = takeFirstAnswer(buildUrl(pathOf(target, options.params), options.query), chosenLanguage());
  return embedded ? target.response.parse(embedded.body) : null;
}

/** For endpoints whose body the web does not read (a 204). */
export async function requestVoid(target: Endpoint<null>, options: RequestOptions = {}): Promise<void> {
  await send(target, options);
}

function chosenLanguage(): string {
  try {
    return globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'nl-NL';
  } catch {
    return 'nl-NL';
  }
}

async function send(target: Endpoint, options: RequestOptions, isRetry = false): Promise<Response> {
  const { method } = target;
  const path = pathOf(target, options.params);
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.bytes) headers['content-type'] = options.bytes.type || 'application/octet-stream';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // The server words its refusals in the language the person chose here, not the browser's.
  headers['accept-language'] = chosenLanguage();

  const response = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.bytes ?? (options.body === undefined ? null : JSON.stringify(options.body)),
    signal: options.signal ?? null,
  });
  if (response.ok) return response;

  const problem = await problemFromResponse(response);
  if (problem.status === 403 && problem.code === 'csrf' && method !== 'GET' && csrfRefresher && !isRetry) {
    // Once only: a second rejection is a real refusal, not a stale token.
    await csrfRefresher();
    return send(target, options, true);
  }
  if (problem.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.();
  throw problem;
}

export function isProblem(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}
