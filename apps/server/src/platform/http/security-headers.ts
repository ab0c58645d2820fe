import type { FastifyInstance } from 'fastify';
import { isDocsRoute } from '../auth/auth.plugin.ts';

/**
 * The web app loads only its own bundle: scripts and connections (fetch, WebSocket) to this origin.
 * Styles allow inline because the UI libraries set style attributes; no page may frame ours.
 */
const WEB_APP_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
/** Swagger UI: its own script files, inline styles, and the SVG icons it inlines as data: URLs. */
const DOCS_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
/** An API answer is data, never a document: it loads nothing and runs nothing, even opened directly. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Security headers on every answer (errors included): a content security policy per kind of answer,
 * no MIME sniffing, no referrer to other sites (signing links carry their token in the path), no
 * powerful browser features, HSTS behind https, and API answers never stored by a cache.
 */
export function securityHeaders(app: FastifyInstance, opts: { publicUrl: string }) {
  const hsts = new URL(opts.publicUrl).protocol === 'https:';
  app.addHook('onRequest', async (request, reply) => {
    // The matched route too, so an odd spelling of an /api path gets the API's headers.
    const paths = [request.url.split('?')[0]!, request.routeOptions.url ?? ''];
    const api = paths.some((p) => p === '/api' || p.startsWith('/api/'));
    reply.headers({
      'content-security-policy': !api ? WEB_APP_POLICY : paths.some(isDocsRoute) ? DOCS_POLICY : API_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
      'cross-origin-opener-policy': 'same-origin',
      ...(hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
      ...(api ? { 'cache-control': 'no-store' } : {}),
    });
  });
}
