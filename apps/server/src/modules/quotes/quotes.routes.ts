import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateQuoteBody,
  CreateQuoteFromTemplateBody,
  DiffParams,
  IdParams,
  LockBody,
  Problem,
  QuoteChanged as Changed,
  QuoteCreated as Created,
  QuoteDetail,
  QuoteDiff,
  QuoteListQuery,
  QuotePage,
  QuoteViewQuery,
  ReviseQuoteBody,
  VisitPreview,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { requestLanguage } from '../../platform/errors.ts';
import type { QuotesService } from './index.ts';

const errors = { 400: Problem, 404: Problem, 409: Problem, 422: Problem };

export function quotesRoutes(app: FastifyInstance, quotes: QuotesService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['quotes'];
  const staff = ['admin', 'operations'] as const;
  const readers = ['admin', 'operations', 'planner', 'partner', 'customer'] as const;
  r.post(
    '/api/quotes',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Create a quote from lines',
        body: CreateQuoteBody,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await quotes.create(actorOf(request), request.body)),
  );
  r.post(
    '/api/quotes/from-template',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Create a quote from a template and intake answers',
        body: CreateQuoteFromTemplateBody,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await quotes.createFromTemplate(actorOf(request), request.body)),
  );
  r.get(
    '/api/quotes',
    {
      config: { access: readers },
      schema: { tags, summary: 'Quotes the caller may see', querystring: QuoteListQuery, response: { 200: QuotePage } },
    },
    (request) => quotes.list(actorOf(request), request.query),
  );
  r.get(
    '/api/quotes/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One quote: current version, lines with billing allocation, visits, signatures, versions',
        params: IdParams,
        response: { 200: QuoteDetail, 404: Problem },
      },
    },
    (request) => quotes.get(actorOf(request), request.params.id),
  );
  r.put(
    '/api/quotes/:id',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Change the lines (a new version once sent); optimistic lock',
        params: IdParams,
        body: ReviseQuoteBody,
        response: { 200: Changed, ...errors },
      },
    },
    (request) => quotes.revise(actorOf(request), { quoteId: request.params.id, ...request.body }),
  );
  r.post(
    '/api/quotes/:id/send',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Send: each paying side gets its signing link',
        params: IdParams,
        body: LockBody,
        response: { 200: Changed, ...errors },
      },
    },
    (request) => quotes.send(actorOf(request), request.params.id, request.body.lockVersion),
  );
  r.post(
    '/api/quotes/:id/renew',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Renew an expired or declined quote as a new version',
        params: IdParams,
        body: LockBody,
        response: { 200: Changed, ...errors },
      },
    },
    (request) => quotes.renew(actorOf(request), request.params.id, request.body.lockVersion),
  );
  r.get(
    '/api/quotes/:id/versions/:from/diff/:to',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Difference between two versions',
        params: DiffParams,
        response: { 200: QuoteDiff, 404: Problem },
      },
    },
    (request) =>
      quotes.diff(actorOf(request), { quoteId: request.params.id, from: request.params.from, to: request.params.to }),
  );
  r.get(
    '/api/quotes/:id/visit-preview',
    {
      config: { access: ['admin', 'operations', 'planner'] },
      schema: {
        tags,
        summary: 'Earliest dates with capacity in the region for the proposed visits',
        params: IdParams,
        response: { 200: VisitPreview, 404: Problem },
      },
    },
    (request) => quotes.visitPreview(actorOf(request), request.params.id),
  );
  r.get(
    '/api/quotes/:id/pdf',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The customer or partner view as a branded PDF',
        params: IdParams,
        querystring: QuoteViewQuery,
      },
    },
    async (request, reply) => {
      const pdf = await quotes.pdf(actorOf(request), {
        quoteId: request.params.id,
        view: request.query.view,
        language: request.query.lang ?? requestLanguage(request.headers['accept-language']),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="offerte-${request.query.view}.pdf"`)
        .send(pdf);
    },
  );
}
