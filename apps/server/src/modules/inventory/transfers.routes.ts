import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeclineVanRequestBody,
  IdParams,
  Problem,
  RequestableProduct,
  StockLot,
  StockLotsQuery,
  StockTransfer,
  TransferBody,
  TransferListQuery,
  TransferResult,
  VanRequest,
  VanRequestBody,
  VanRequestCreated,
  VanRequestListQuery,
  VanRequestDeclined,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { readerLanguage } from '../../platform/http/document-language.ts';
import type { InventoryService } from './index.ts';

const errors = { 404: Problem, 409: Problem, 422: Problem };

/** Transfers between physical places, and the vans' replenishment requests they fulfil. */
export function transferRoutes(app: FastifyInstance, inventory: InventoryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  const stock = ['admin', 'operations', 'warehouse'] as const;
  // A technician asks for their own team's van and follows those requests; the warehouse decides.
  const requesters = [...stock, 'technician'] as const;
  r.get(
    '/api/inventory/lots',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'What a place holds per product and lot (batch code or serial), with what is free of it',
        querystring: StockLotsQuery,
        response: { 200: z.array(StockLot) },
      },
    },
    (request) => inventory.lots(request.query),
  );
  r.get(
    '/api/inventory/transfers',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Transfers, those in transit first, then newest first',
        querystring: TransferListQuery,
        response: { 200: z.array(StockTransfer) },
      },
    },
    (request) => inventory.transfers(request.query, readerLanguage(request)),
  );
  r.post(
    '/api/inventory/transfers',
    {
      config: { access: stock },
      schema: {
        tags,
        summary:
          'Send a transfer between physical places (through transit between the warehouse and staging or a van; idempotent by key), optionally fulfilling a van request',
        body: TransferBody,
        response: { 200: TransferResult, 201: TransferResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await inventory.sendTransfer(actorOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
  r.post(
    '/api/inventory/transfers/:id/receive',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Receive a transfer in transit at its destination (receiving twice answers with the first)',
        params: IdParams,
        response: { 200: TransferResult, 201: TransferResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await inventory.receiveTransfer(actorOf(request), request.params.id);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
  r.get(
    '/api/inventory/van-requests',
    {
      config: { access: requesters },
      schema: {
        tags,
        summary: "Van replenishment requests, open ones first (a technician's own team only)",
        querystring: VanRequestListQuery,
        response: { 200: z.array(VanRequest) },
      },
    },
    (request) => inventory.vanRequests(actorOf(request), request.query, readerLanguage(request)),
  );
  r.get(
    '/api/inventory/van-requests/products',
    {
      config: { access: requesters },
      schema: {
        tags,
        summary: 'The products a van may be topped up with',
        response: { 200: z.array(RequestableProduct) },
      },
    },
    (request) => inventory.requestableProducts(readerLanguage(request)),
  );
  r.post(
    '/api/inventory/van-requests',
    {
      config: { access: requesters },
      schema: {
        tags,
        summary: "Ask for products on a team's van (a technician for their own team; idempotent by key)",
        body: VanRequestBody,
        response: { 200: VanRequestCreated, 201: VanRequestCreated, ...errors },
      },
    },
    async (request, reply) => {
      const result = await inventory.requestVan(actorOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
  r.post(
    '/api/inventory/van-requests/:id/decline',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Decline an open van request, with the reason the team reads',
        params: IdParams,
        body: DeclineVanRequestBody,
        response: { 200: VanRequestDeclined, ...errors },
      },
    },
    (request) => inventory.declineVanRequest(actorOf(request), request.params.id, request.body.reason),
  );
}
