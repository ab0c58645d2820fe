import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BusinessEntityList } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import { listEntities } from './list-entities.ts';

export { listEntities };
export { invoicesOnCompletion } from './list-entities.ts';

export function entitiesRoutes(app: FastifyInstance, deps: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/entities',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['entities'], summary: 'The five business entities', response: { 200: BusinessEntityList } },
    },
    () => listEntities(deps.db),
  );
}
