import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DashboardMetrics } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import { dashboardMetrics } from '../../read-models/dashboard-metrics.ts';

export function analyticsRoutes(app: FastifyInstance, deps: { db: Db; today: () => string }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/dashboard/metrics',
    {
      config: { access: ['admin', 'operations', 'planner'] },
      schema: { tags: ['analytics'], summary: 'Headline KPIs', response: { 200: DashboardMetrics } },
    },
    () => dashboardMetrics(deps.db, deps.today()),
  );
}
