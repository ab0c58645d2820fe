import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DeclineBody,
  DocumentLanguageQuery,
  Problem,
  SignBody,
  SigningPart,
  SigningTokenParams,
  SignResult,
} from '@chargecars/contract';
import { requestLanguage } from '../../platform/errors.ts';
import type { QuotesService } from './index.ts';

const context = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: String(request.headers['user-agent'] ?? '').slice(0, 500),
  requestId: request.id,
});
const errors = { 400: Problem, 404: Problem, 409: Problem, 410: Problem };

/** The signer's pages: no account, the token is the only key (public routes, token checked in the use case). */
export function signingRoutes(app: FastifyInstance, quotes: QuotesService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['signing'];
  r.get(
    '/api/sign/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The part of the quote this link signs',
        params: SigningTokenParams,
        response: { 200: SigningPart, ...errors },
      },
    },
    (request) => quotes.viewSigningPart(request.params.token),
  );
  r.get(
    '/api/sign/:token/pdf',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'That part as PDF', params: SigningTokenParams, querystring: DocumentLanguageQuery },
    },
    async (request, reply) =>
      reply
        .type('application/pdf')
        .send(
          await quotes.signingPdf(
            request.params.token,
            request.query.lang ?? requestLanguage(request.headers['accept-language']),
          ),
        ),
  );
  r.post(
    '/api/sign/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign this part by drawing or typing a name',
        params: SigningTokenParams,
        body: SignBody,
        response: { 200: SignResult, ...errors },
      },
    },
    (request) => quotes.sign(request.params.token, request.body, context(request)),
  );
  r.post(
    '/api/sign/:token/decline',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Decline this part with a reason',
        params: SigningTokenParams,
        body: DeclineBody,
        response: { 200: SignResult, ...errors },
      },
    },
    (request) => quotes.decline(request.params.token, request.body.reason, context(request)),
  );
}
