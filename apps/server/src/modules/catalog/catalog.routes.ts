import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QuoteTemplate } from '@chargecars/contract';
import type { CatalogService } from './index.ts';

export function catalogRoutes(app: FastifyInstance, catalog: CatalogService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/quote-templates', {
    config: { access: ['admin', 'operations'] },
    schema: { tags: ['catalog'], summary: 'Quote templates for standard configurations', querystring: z.object({ entityId: z.string().optional() }), response: { 200: z.array(QuoteTemplate) } },
  }, (request) => catalog.listTemplates(request.query.entityId));
}
