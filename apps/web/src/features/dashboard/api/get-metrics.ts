import { useQuery } from '@tanstack/react-query';
import { DashboardMetrics } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type Metrics = z.infer<typeof DashboardMetrics>;

/** GET /api/dashboard/metrics (read from rollups, so cheap to poll). */
export const metricsEndpoint = endpoint('GET', '/api/dashboard/metrics', DashboardMetrics);

export function getMetrics(signal?: AbortSignal) {
  return request(metricsEndpoint, { signal });
}

export function useMetrics() {
  return useQuery({
    queryKey: ['dashboard', 'metrics'],
    queryFn: ({ signal }) => getMetrics(signal),
    refetchInterval: 60_000,
  });
}
