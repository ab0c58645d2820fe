import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PostedStockCount, StartedStockCount, StockCountDetail, StockCountList } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { StockCountDetail, StockCountList };
export type CountEntry = { lines?: { lineId: string; counted: number }[]; scannedSerials?: string[] };

/** GET /api/inventory/counts: counts of a period with the inventory accuracy over them. */
export const stockCountsEndpoint = endpoint('GET', '/api/inventory/counts', StockCountList);
/** POST /api/inventory/counts: start counting a physical location. */
export const startStockCountEndpoint = endpoint('POST', '/api/inventory/counts', StartedStockCount);
/** GET /api/inventory/counts/:id: a count's lines, expected and counted. */
export const stockCountEndpoint = endpoint('GET', '/api/inventory/counts/:id', StockCountDetail);
/** PUT /api/inventory/counts/:id: counted quantities and scanned serials. */
export const recordStockCountEndpoint = endpoint('PUT', '/api/inventory/counts/:id', StockCountDetail);
/** POST /api/inventory/counts/:id/post: the variance into the ledger, once. */
export const postStockCountEndpoint = endpoint('POST', '/api/inventory/counts/:id/post', PostedStockCount);

export function useStockCounts(period: { from: string; to: string }) {
  return useQuery({
    queryKey: ['inventory', 'counts', period],
    queryFn: ({ signal }) => request(stockCountsEndpoint, { query: period, signal }),
  });
}

export function useStartStockCount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locationId: string) => request(startStockCountEndpoint, { body: { locationId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory', 'counts'] }),
  });
}

export function useStockCount(id: string) {
  return useQuery({
    queryKey: ['inventory', 'count', id],
    queryFn: ({ signal }) => request(stockCountEndpoint, { params: { id }, signal }),
  });
}

export function useRecordStockCount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: CountEntry) => request(recordStockCountEndpoint, { params: { id }, body: entry }),
    onSuccess: (detail) => queryClient.setQueryData(['inventory', 'count', id], detail),
  });
}

export function usePostStockCount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(postStockCountEndpoint, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}
