import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CatalogItems, CatalogItemsQuery, QuoteTemplateList, Text } from '@chargecars/contract';
import type { CatalogService } from './index.ts';

export function catalogRoutes(app: FastifyInstance, catalog: CatalogService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/quote-templates',
    {
      config: { access: ['admin', 'operations'] },
      schema: {
        tags: ['catalog'],
        summary: 'Quote templates for standard configurations',
        querystring: z.object({ entityId: Text.optional() }),
        response: { 200: QuoteTemplateList },
      },
    },
    (request) => catalog.listTemplates(request.query.entityId),
  );
  r.get(
    '/api/catalog/items',
    {
      config: { access: ['admin', 'operations'] },
      schema: {
        tags: ['catalog'],
        summary: 'Products and kits an entity sells, with its prices, for the quote editor',
        querystring: CatalogItemsQuery,
        response: { 200: CatalogItems },
      },
    },
    (request) => catalog.listItems(request.query.entityId),
  );
}
