import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

// docs/api-foundation.md, GET /api/dashboard/metrics (read from rollups, so cheap to poll).
export const metricsSchema = z.object({
  customers: z.number(),
  openLeads: z.number(),
  quotes: z.number(),
  orders: z.number(),
  visitsToday: z.number(),
  executionRate: z.number(),
  quoteConversion: z.number(),
});
export type Metrics = z.infer<typeof metricsSchema>;

export function getMetrics(signal?: AbortSignal) {
  return request('/api/dashboard/metrics', metricsSchema, { signal });
}

export function useMetrics() {
  return useQuery({ queryKey: ['dashboard', 'metrics'], queryFn: ({ signal }) => getMetrics(signal), refetchInterval: 60_000 });
}
