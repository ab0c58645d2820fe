import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApiKey,
  ApiKeyList,
  PartnerDetail,
  PartnerMailSettings,
  PartnerListQuery,
  PartnerPage,
  UpdatePartnerBody,
  ApiKeyWithSecret,
  NewApiKey,
  PartnerKeyParams,
  PartnerParams,
  PartnerPerformance,
  PerformanceQuery,
  Problem,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { PartnersService } from './index.ts';

/** Partner users manage their own keys in the portal; ops (admin, operations) any partner's. */
const MANAGERS = ['admin', 'operations', 'partner'] as const;
const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];
const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  422: Problem,
  429: Problem,
};

export function partnersRoutes(app: FastifyInstance, partners: PartnersService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['partners'];
  r.get(
    '/api/partners',
    {
      config: { access: ['admin', 'operations', 'planner'] },
      schema: {
        tags,
        summary: 'All partners, searchable, with their order counts',
        querystring: PartnerListQuery,
        response: { 200: PartnerPage },
      },
    },
    (request) => partners.list(request.query),
  );
  r.get(
    '/api/partners/:id',
    {
      config: { access: ['admin', 'operations', 'planner', 'partner'] },
      schema: {
        tags,
        summary: 'One partner: registration details, VAT number and whether reverse charge applies',
        params: PartnerParams,
        response: { 200: PartnerDetail, 404: Problem },
      },
    },
    (request) => partners.get(actorOf(request), request.params.id),
  );
  r.patch(
    '/api/partners/:id',
    {
      config: { access: ['admin', 'operations'] },
      schema: {
        tags,
        summary: "Change a partner's details (its VAT number)",
        params: PartnerParams,
        body: UpdatePartnerBody,
        response: { 200: PartnerDetail, ...errors },
      },
    },
    (request) => partners.update(actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/partners/:id/mail-settings',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: "The partner's contact address and language for mail, and the events it wants by mail",
        params: PartnerParams,
        response: { 200: PartnerMailSettings, 404: Problem },
      },
    },
    (request) => partners.mailSettings(actorOf(request), request.params.id),
  );
  r.put(
    '/api/partners/:id/mail-settings',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Set the contact address and language for mail, and which events also come by mail',
        params: PartnerParams,
        body: PartnerMailSettings,
        response: { 200: PartnerMailSettings, ...errors },
      },
    },
    (request) => partners.saveMailSettings(actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/partners/:id/api-keys',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'API keys of a partner',
        params: PartnerParams,
        response: { 200: ApiKeyList, 404: Problem },
      },
    },
    async (request) => ({ items: await partners.listApiKeys(actorOf(request), request.params.id) }),
  );
  r.post(
    '/api/partners/:id/api-keys',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Create an API key (the secret is shown once)',
        params: PartnerParams,
        body: NewApiKey,
        response: { 201: ApiKeyWithSecret, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await partners.createApiKey(actorOf(request), { partnerId: request.params.id, ...request.body })),
  );
  r.post(
    '/api/partners/:id/api-keys/:keyId/rotate',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Rotate an API key; the old one works 24 h more',
        params: PartnerKeyParams,
        response: { 201: ApiKeyWithSecret, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await partners.rotateApiKey(actorOf(request), { partnerId: request.params.id, keyId: request.params.keyId }),
        ),
  );
  r.post(
    '/api/partners/:id/api-keys/:keyId/revoke',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Revoke an API key at once',
        params: PartnerKeyParams,
        response: { 200: ApiKey, ...errors },
      },
    },
    (request) => partners.revokeApiKey(actorOf(request), { partnerId: request.params.id, keyId: request.params.keyId }),
  );
  r.get(
    '/api/partners/:id/performance',
    {
      config: { access: { apiKey: 'performance:read', roles: ['admin', 'operations', 'planner', 'partner'] } },
      schema: {
        tags: [...tags, 'Partner API v1'],
        security,
        summary: "How the partner's leads and orders fared",
        params: PartnerParams,
        querystring: PerformanceQuery,
        response: { 200: PartnerPerformance, ...errors },
      },
    },
    (request) => partners.performance(actorOf(request), request.params.id, request.query.days),
  );
}
