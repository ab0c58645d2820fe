import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';
import type { Role } from './auth.schema.ts';
import { resolveSession, type SessionPolicy, type SessionUser } from './sessions.ts';

export const SESSION_COOKIE = 'cc_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Every route says who may call it: roles, any logged-in user, or the public. */
export type RouteAccess = readonly Role[] | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    user: SessionUser | null;
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
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; policy: SessionPolicy }) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access && route.url.startsWith('/api') && !route.url.startsWith('/api/docs')) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || !request.url.startsWith('/api')) return;
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
    if (access !== 'authenticated' && !access.includes(request.user.role)) throw forbidden('Je rol mag dit niet');
    assertCsrf(request);
  });
});

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
