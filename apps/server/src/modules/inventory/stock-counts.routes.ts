import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParams,
  Problem,
  PostedStockCount,
  RecordStockCountBody,
  StartStockCountBody,
  StartedStockCount,
  StockCountDetail,
  StockCountList,
  StockCountListQuery,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { readerLanguage } from '../../platform/http/document-language.ts';
import type { InventoryService } from './index.ts';

const errors = { 404: Problem, 409: Problem, 422: Problem };

/** Cycle counts: start one per location, record what was found, post the variance once. */
export function stockCountRoutes(app: FastifyInstance, inventory: InventoryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  const stock = ['admin', 'operations', 'warehouse'] as const;
  r.get(
    '/api/inventory/counts',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Cycle counts of a period (default the last 90 days) with the inventory accuracy over them',
        querystring: StockCountListQuery,
        response: { 200: StockCountList, ...errors },
      },
    },
    (request) => inventory.stockCounts(request.query),
  );
  r.post(
    '/api/inventory/counts',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Start a cycle count of a physical location (its expected lines from the balances)',
        body: StartStockCountBody,
        response: { 201: StartedStockCount, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inventory.startCount(actorOf(request), request.body.locationId)),
  );
  r.get(
    '/api/inventory/counts/:id',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'A cycle count with its lines',
        params: IdParams,
        response: { 200: StockCountDetail, ...errors },
      },
    },
    (request) => inventory.stockCount(request.params.id, readerLanguage(request)),
  );
  r.put(
    '/api/inventory/counts/:id',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Record counted quantities and scanned serials on an open count',
        params: IdParams,
        body: RecordStockCountBody,
        response: { 200: StockCountDetail, ...errors },
      },
    },
    async (request) => {
      await inventory.recordCount(actorOf(request), request.params.id, request.body);
      return inventory.stockCount(request.params.id, readerLanguage(request));
    },
  );
  r.post(
    '/api/inventory/counts/:id/post',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: "Post a count's variances as one count adjustment (posting twice posts once)",
        params: IdParams,
        response: { 200: PostedStockCount, 201: PostedStockCount, ...errors },
      },
    },
    async (request, reply) => {
      const result = await inventory.postCount(actorOf(request), request.params.id);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
}
