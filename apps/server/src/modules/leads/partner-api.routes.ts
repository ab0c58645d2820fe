import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, NewLead, PartnerLead, PartnerLeadList, PartnerLeadQuery, Problem } from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { LeadsService } from './index.ts';

/** Partner API bodies are small; refusing big ones early keeps a misbehaving client cheap. */
export const PARTNER_API_BODY_LIMIT = 64 * 1024;
const security: Record<string, string[]>[] = [{ apiKey: [] }];
const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  415: Problem,
  422: Problem,
  429: Problem,
};

/** Partner API v1 for leads: an API key acts for its own partner only. */
export function partnerLeadApiRoutes(app: FastifyInstance, leads: LeadsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Partner API v1'];
  r.post(
    '/api/v1/leads',
    {
      bodyLimit: PARTNER_API_BODY_LIMIT,
      config: { access: { apiKey: 'leads:write' } },
      schema: {
        tags,
        security,
        summary: 'Submit a lead',
        description:
          'Email and name are required. The answer comes as soon as the lead is stored (status `received`); enrichment, scoring and routing follow within seconds: watch `GET /api/v1/leads/{id}` or the lead.qualified webhook. Send an Idempotency-Key header to retry safely: a replay answers the stored response with Idempotent-Replayed: true.',
        body: NewLead,
        response: { 201: PartnerLead, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const lead = await leads.accept(
        actor,
        { lead: request.body, source: 'api', partnerId: actor.partnerId },
        request.idempotency,
      );
      return reply.status(201).header('location', `/api/v1/leads/${lead.id}`).send(leads.presentForPartner(lead));
    },
  );
  r.get(
    '/api/v1/leads/:id',
    {
      config: { access: { apiKey: 'leads:read' } },
      schema: {
        tags,
        security,
        summary: 'One of your leads',
        params: IdParams,
        response: { 200: PartnerLead, ...errors },
      },
    },
    (request) => leads.getForPartner(actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/leads',
    {
      config: { access: { apiKey: 'leads:read' } },
      schema: {
        tags,
        security,
        summary: 'Your leads, newest first',
        querystring: PartnerLeadQuery,
        response: { 200: PartnerLeadList, ...errors },
      },
    },
    (request) => leads.listForPartner(actorOf(request), request.query),
  );
}
