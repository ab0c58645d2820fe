import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  LoginRequest,
  MagicLinkConsume,
  MagicLinkRequest,
  MagicLinkSent,
  Problem,
  SessionResponse,
} from '@chargecars/contract';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { actorOf, SESSION_COOKIE } from './auth.plugin.ts';
import { consumeMagicLink, requestMagicLink } from './magic-links.ts';
import type { MailDrop } from '../mail-drop.ts';
import type { TakeRateLimit } from '../http/rate-limit.ts';
import { logIn } from './log-in.ts';
import { endSession, type SessionUser } from './sessions.ts';
import type { FindCustomerByEmail } from './customer-accounts.ts';
import { sessionResponse, type ScopeNames } from './session-response.ts';

export function authRoutes(
  app: FastifyInstance,
  deps: {
    database: Database;
    config: Config;
    mailDrop: MailDrop;
    rateLimit: TakeRateLimit;
    onSessionEnded: (sessionId: string) => void;
    scopeNames: ScopeNames;
    findCustomer: FindCustomerByEmail;
  },
) {
  const toResponse = (user: SessionUser, csrfToken: string) => sessionResponse(user, csrfToken, deps.scopeNames);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const policy = { idleMinutes: deps.config.SESSION_IDLE_MINUTES, maxHours: deps.config.SESSION_MAX_HOURS };
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.COOKIE_SECURE,
      path: '/',
      maxAge: policy.maxHours * 3600,
    });
  const tags = ['auth'];

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Log in with email and password',
        body: LoginRequest,
        response: { 200: SessionResponse, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const result = await logIn(db, policy, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      if (result.kind === 'throttled') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        return reply
          .status(429)
          .type('application/problem+json')
          .send({
            type: 'https://docs.chargecars.nl/problems/login_throttled',
            title: 'Too Many Requests',
            status: 429,
            code: 'login_throttled',
            detail: `Te veel mislukte pogingen. Probeer het over ${result.retryAfterSeconds} seconden opnieuw.`,
          });
      }
      if (result.kind === 'invalid') {
        return reply.status(401).type('application/problem+json').send({
          type: 'https://docs.chargecars.nl/problems/invalid_credentials',
          title: 'Unauthorized',
          status: 401,
          code: 'invalid_credentials',
          detail: 'E-mailadres of wachtwoord klopt niet',
        });
      }
      setCookie(reply, result.token);
      return toResponse(result.user, result.csrfToken);
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'End the session' } },
    async (request, reply) => {
      if (request.sessionId) {
        await endSession(db, request.sessionId);
        deps.onSessionEnded(request.sessionId);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The logged-in user', response: { 200: SessionResponse, 401: Problem } },
    },
    async (request) => toResponse(actorOf(request), request.csrfToken!),
  );

  r.post(
    '/api/auth/magic-link',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Email a customer a single-use login link',
        body: MagicLinkRequest,
        response: { 202: MagicLinkSent, 429: Problem },
      },
    },
    async (request, reply) => {
      // Same answer whether or not the email is known, or past its limit: the endpoint must not reveal who is a customer.
      await requestMagicLink(deps.database, {
        email: request.body.email,
        clientAddress: request.ip,
        publicUrl: deps.config.PUBLIC_URL,
        mailDrop: deps.mailDrop,
        rateLimit: deps.rateLimit,
        findCustomer: deps.findCustomer,
      });
      return reply.status(202).send({ status: 'sent' as const });
    },
  );

  r.post(
    '/api/auth/magic-link/consume',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Exchange a login link for a session',
        body: MagicLinkConsume,
        response: { 200: SessionResponse, 400: Problem },
      },
    },
    async (request, reply) => {
      const session = await consumeMagicLink(deps.database, policy, {
        token: request.body.token,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setCookie(reply, session.token);
      return toResponse(session.user, session.csrfToken);
    },
  );
}
