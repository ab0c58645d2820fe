import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeliveryListQuery,
  DeliveryParams,
  EndpointParams,
  NewWebhookEndpoint,
  PartnerParams,
  Problem,
  ReplayResult,
  ReplaySince,
  TestEventSent,
  UpdateWebhookEndpoint,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { PartnersService } from '../partners/index.ts';
import type { IntegrationsService } from './index.ts';

/** The partner portal (partner users), ops, and partner systems with a `webhooks:manage` key. */
const access = { apiKey: 'webhooks:manage', roles: ['admin', 'operations', 'partner'] } as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem };

export function integrationsRoutes(app: FastifyInstance, integrations: IntegrationsService, partners: PartnersService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  /** Acting for another partner answers 404, as if the partner did not exist. */
  const scoped = (request: { params: { id: string } } & Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    partners.assertActsFor(actor, request.params.id);
    return actor;
  };
  const base = '/api/partners/:id/webhook-endpoints';
  r.get(
    base,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Webhook endpoints',
        params: PartnerParams,
        response: { 200: WebhookEndpointList, ...errors },
      },
    },
    async (request) => {
      scoped(request);
      return { items: await integrations.listEndpoints(request.params.id) };
    },
  );
  r.post(
    base,
    {
      bodyLimit: 16 * 1024,
      config: { access },
      schema: {
        tags,
        summary: 'Subscribe an endpoint (answer has the signing secret)',
        params: PartnerParams,
        body: NewWebhookEndpoint,
        response: { 201: WebhookEndpointWithSecret, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await integrations.createEndpoint(scoped(request), request.params.id, request.body)),
  );
  r.patch(
    `${base}/:endpointId`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change or re-enable an endpoint',
        params: EndpointParams,
        body: UpdateWebhookEndpoint,
        response: { 200: WebhookEndpoint, ...errors },
      },
    },
    async (request) =>
      integrations.updateEndpoint(scoped(request), request.params.id, request.params.endpointId, request.body),
  );
  r.delete(
    `${base}/:endpointId`,
    {
      config: { access },
      schema: { tags, summary: 'Remove an endpoint', params: EndpointParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await integrations.deleteEndpoint(scoped(request), request.params.id, request.params.endpointId);
      return reply.status(204).send(null);
    },
  );
  r.post(
    `${base}/:endpointId/rotate-secret`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'New signing secret; the old one also signs for 24 h',
        params: EndpointParams,
        response: { 201: WebhookEndpointWithSecret, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await integrations.rotateSecret(scoped(request), request.params.id, request.params.endpointId)),
  );
  r.post(
    `${base}/:endpointId/test`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Send a test event',
        params: EndpointParams,
        response: { 202: TestEventSent, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await integrations.sendTestEvent(scoped(request), request.params.id, request.params.endpointId)),
  );
  r.get(
    `${base}/:endpointId/deliveries`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Delivery log with every attempt',
        params: EndpointParams,
        querystring: DeliveryListQuery,
        response: { 200: WebhookDeliveryList, ...errors },
      },
    },
    async (request) => {
      scoped(request);
      return integrations.deliveries(request.params.id, request.params.endpointId, request.query.limit);
    },
  );
  r.post(
    `${base}/:endpointId/replay`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Send again everything since a time',
        params: EndpointParams,
        body: ReplaySince,
        response: { 202: ReplayResult, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await integrations.replaySince(
            scoped(request),
            request.params.id,
            request.params.endpointId,
            new Date(request.body.since),
          ),
        ),
  );
  r.post(
    '/api/partners/:id/webhook-deliveries/:deliveryId/replay',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Send one delivery again',
        params: DeliveryParams,
        response: { 202: ReplayResult, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await integrations.replayDelivery(scoped(request), request.params.id, request.params.deliveryId)),
  );
}
