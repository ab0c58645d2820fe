import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignLead,
  IdParams,
  IntakeTokenParams,
  IntakeView,
  LeadAssigned,
  LeadDetail,
  LeadIntakeAnswers,
  LeadStatusChanged,
  LeadListQuery,
  LeadPage,
  NewLead,
  NewOpsLead,
  PartnerLead,
  Problem,
  RejectLead,
  RoutingRules,
  Text,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { requestLanguage } from '../../platform/errors.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import type { LeadsService } from './index.ts';

const STAFF = ['admin', 'operations', 'planner'] as const;
const OPS = ['admin', 'operations'] as const;
const WEB_FORM_ACTOR = { ...SYSTEM_ACTOR, name: 'Webformulier' };

/** The ops lead inbox, the partner portal's lead list, the public web form and the customer's intake. */
export function leadsRoutes(
  app: FastifyInstance,
  leads: LeadsService,
  guards: { webForm: (ip: string) => Promise<void> },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['leads'];
  r.get(
    '/api/leads',
    {
      config: { access: [...STAFF, 'partner'] },
      schema: {
        tags,
        summary: 'Lead inbox (partners: their own leads)',
        querystring: LeadListQuery,
        response: { 200: LeadPage },
      },
    },
    (request) => leads.list(actorOf(request), request.query),
  );
  r.get(
    '/api/leads/:id',
    {
      config: { access: [...STAFF, 'partner'] },
      schema: {
        tags,
        summary: 'One lead with timeline and score breakdown',
        params: IdParams,
        response: { 200: LeadDetail, 404: Problem },
      },
    },
    (request) => leads.detail(actorOf(request), request.params.id, requestLanguage(request.headers['accept-language'])),
  );
  r.post(
    '/api/leads',
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'Enter a lead (ops)',
        body: NewOpsLead,
        response: { 201: PartnerLead, 404: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const { partnerId, ...lead } = request.body;
      const row = await leads.receive(actorOf(request), { lead, source: 'ops', partnerId: partnerId ?? null });
      return reply.status(201).send(leads.presentForPartner(row));
    },
  );
  r.post(
    '/api/leads/:id/qualify',
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'Qualify a lead by hand',
        params: IdParams,
        response: { 200: LeadStatusChanged, 404: Problem, 409: Problem },
      },
    },
    async (request) => ({ status: (await leads.qualify(actorOf(request), request.params.id)).status }),
  );
  r.post(
    '/api/leads/:id/reject',
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'Reject a lead with a reason',
        params: IdParams,
        body: RejectLead,
        response: { 200: LeadStatusChanged, 404: Problem, 409: Problem },
      },
    },
    async (request) => ({
      status: (await leads.reject(actorOf(request), request.params.id, request.body.reason)).status,
    }),
  );
  r.post(
    '/api/leads/:id/assign',
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'Assign a lead to a colleague or entity',
        params: IdParams,
        body: AssignLead,
        response: { 200: LeadAssigned, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request) => {
      const row = await leads.assign(actorOf(request), request.params.id, request.body);
      return { entityId: row.entityId, assignedUserId: row.assignedUserId };
    },
  );
  r.get(
    '/api/lead-routing-rules',
    { config: { access: STAFF }, schema: { tags, summary: 'Routing rules', response: { 200: RoutingRules } } },
    () => leads.routingRules(),
  );
  r.put(
    '/api/lead-routing-rules',
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'Replace the routing rules',
        body: RoutingRules,
        response: { 200: RoutingRules, 422: Problem },
      },
    },
    (request) => leads.replaceRoutingRules(actorOf(request), request.body.rules),
  );

  r.post(
    '/api/public/leads',
    {
      bodyLimit: 16 * 1024,
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Web-form lead',
        body: NewLead,
        response: { 201: z.object({ number: Text, status: Text }), 422: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      await guards.webForm(request.ip);
      const row = await leads.receive(WEB_FORM_ACTOR, { lead: request.body, source: 'web', partnerId: null });
      return reply.status(201).send({ number: row.number, status: row.status });
    },
  );
  r.get(
    '/api/intake/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The intake questionnaire of a lead',
        params: IntakeTokenParams,
        response: { 200: IntakeView, 404: Problem },
      },
    },
    (request) => leads.intake(request.params.token),
  );
  r.post(
    '/api/intake/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Answer the intake questionnaire',
        params: IntakeTokenParams,
        body: LeadIntakeAnswers,
        response: { 200: IntakeView, 404: Problem, 409: Problem },
      },
    },
    (request) => leads.submitIntake(request.params.token, request.body),
  );
}
