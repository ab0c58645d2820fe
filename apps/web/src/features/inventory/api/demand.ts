import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DemandForecast, StockOutReport } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { DemandForecast, StockOutReport };

/** GET /api/inventory/demand-forecast?weeks=: demand per product and week against stock and receipts. */
export const demandForecastEndpoint = endpoint('GET', '/api/inventory/demand-forecast', DemandForecast);
/** GET /api/inventory/stock-out-warnings?from&to: planned visits that will lack a part, and the share delayed. */
export const stockOutReportEndpoint = endpoint('GET', '/api/inventory/stock-out-warnings', StockOutReport);

export function useDemandForecast(weeks: number) {
  return useQuery({
    queryKey: ['inventory', 'forecast', weeks],
    queryFn: ({ signal }) => request(demandForecastEndpoint, { query: { weeks }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStockOutReport(q: { from: string; to: string; teamId?: string }) {
  const query = { from: q.from, to: q.to, ...(q.teamId ? { teamId: q.teamId } : {}) };
  return useQuery({
    queryKey: ['inventory', 'stock-outs', query],
    queryFn: ({ signal }) => request(stockOutReportEndpoint, { query, signal }),
    enabled: Boolean(q.from && q.to && q.from <= q.to),
    placeholderData: keepPreviousData,
  });
}
