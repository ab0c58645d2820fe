import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DemandForecast,
  DemandForecastQuery,
  Problem,
  StockOutReport,
  StockOutWarningsQuery,
} from '@chargecars/contract';
import { readerLanguage } from '../../platform/http/document-language.ts';
import type { InventoryService } from './index.ts';

/** What the coming weeks will ask of the warehouse: the demand forecast and the visits a stock-out would delay. */
export function demandRoutes(app: FastifyInstance, inventory: InventoryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  // Planners read the warnings too: they plan the visits that would wait for a part.
  const readers = ['admin', 'operations', 'warehouse', 'planner'] as const;
  r.get(
    '/api/inventory/demand-forecast',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'Material demand per product and week: planned visits plus open quotes weighted by the conversion rate, against free stock and expected receipts',
        querystring: DemandForecastQuery,
        response: { 200: DemandForecast },
      },
    },
    (request) => inventory.demandForecast(request.query.weeks, readerLanguage(request)),
  );
  r.get(
    '/api/inventory/stock-out-warnings',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'Planned visits in a period that will lack a part, with what they lack, and the share of planned installations delayed',
        querystring: StockOutWarningsQuery,
        response: { 200: StockOutReport, 422: Problem },
      },
    },
    (request) => inventory.stockOutReport(request.query),
  );
}
