import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';
import type { Role } from './auth.schema.ts';
import { resolveSession, type SessionPolicy, type SessionUser } from './sessions.ts';
import type { TakeRateLimit } from '../http/rate-limit.ts';

export const SESSION_COOKIE = 'cc_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Every route says who may call it: roles, any logged-in user, the public, or a partner's API key
 * with a scope (optionally also session users with the given roles, for the portal).
 */
export type RouteAccess = readonly Role[] | 'public' | 'authenticated' | ApiKeyAccess;
export type ApiKeyAccess = { apiKey: string; roles?: readonly Role[] };

/** What a valid API key stands for: its partner, and what it may do. */
export type ApiKeyPrincipal = {
  keyId: string;
  keyName: string;
  partnerId: string;
  partnerName: string;
  scopes: readonly string[];
};

export type AuthOptions = {
  db: Db;
  policy: SessionPolicy;
  /** Finds the live key for a presented secret (the partners module knows how); absent: no API keys. */
  resolveApiKey?: (secret: string) => Promise<ApiKeyPrincipal | null>;
  apiRateLimitPerMinute?: number;
  /** The app's limiter, shared with the web form's. */
  rateLimit: TakeRateLimit;
};

/** Swagger UI's own routes: public documentation, registered by the plugin without our config. */
export const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

const isApiKeyAccess = (access: RouteAccess): access is ApiKeyAccess =>
  typeof access === 'object' && 'apiKey' in access;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    apiKey: ApiKeyPrincipal | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie and enforces each route's declared access. A route without a
 * declaration is refused at registration, so it cannot ship open by accident.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: AuthOptions) => {
  app.decorateRequest('user', null);
  app.decorateRequest('apiKey', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access && route.url.startsWith('/api') && !isDocsRoute(route.url)) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  // Access is decided from the route the router matched, never from the raw URL: the router decodes
  // `/%61pi/customers` to `/api/customers`, so a prefix test on the URL could be spelled around.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) {
      // Deny by default: only the 404 handler and the API documentation's own assets declare nothing.
      const route = request.routeOptions.url;
      if (route === undefined || isDocsRoute(route)) return;
      throw forbidden('Deze route verklaart geen toegang');
    }
    const bearer = bearerToken(request);
    if (isApiKeyAccess(access) && (bearer || !access.roles)) return authenticateApiKey(request, access, bearer);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await resolveSession(opts.db, token, opts.policy);
      if (found) {
        request.user = { ...found.user, requestId: request.id };
        request.sessionId = found.sessionId;
        request.csrfToken = found.csrfToken;
      }
    }
    if (access === 'public') return;
    if (!request.user) throw unauthorized();
    const roles = isApiKeyAccess(access) ? (access.roles ?? []) : access;
    if (roles !== 'authenticated' && !roles.includes(request.user.role)) throw forbidden('Uw rol mag dit niet');
    assertCsrf(request);
  });

  /** A partner system calling with its key: no cookies, no CSRF (a browser never sends the key by itself). */
  async function authenticateApiKey(request: FastifyRequest, access: ApiKeyAccess, secret: string | null) {
    if (!secret) throw unauthorized('API-sleutel ontbreekt: stuur Authorization: Bearer <sleutel>');
    const principal = opts.resolveApiKey ? await opts.resolveApiKey(secret) : null;
    if (!principal) throw new AppError(401, 'invalid_api_key', 'API-sleutel onbekend, ingetrokken of beschadigd');
    if (!principal.scopes.includes(access.apiKey))
      throw new AppError(403, 'insufficient_scope', `Deze API-sleutel mist de scope ${access.apiKey}`);
    // Per partner, not per key: a partner that makes more keys gets no more requests.
    await opts.rateLimit(`partner:${principal.partnerId}`, opts.apiRateLimitPerMinute ?? 600);
    request.apiKey = principal;
    request.user = {
      userId: principal.keyId,
      role: 'partner',
      name: `API-sleutel ${principal.keyName}`,
      email: '',
      locale: 'nl',
      partnerId: principal.partnerId,
      teamId: null,
      customerId: null,
      requestId: request.id,
    };
  }
});

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1] ?? null;
}

/** Cookie-authenticated changes must echo the session's CSRF token in a header a foreign site cannot set. */
export function assertCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || !request.sessionId) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !request.csrfToken || !sameToken(sent, request.csrfToken)) {
    throw new AppError(403, 'csrf', 'CSRF-token ontbreekt of klopt niet');
  }
}

/** The caller of a route that declared roles: present by construction. */
export function actorOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthorized();
  return request.user;
}
