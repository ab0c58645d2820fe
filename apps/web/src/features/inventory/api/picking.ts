import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { KitContents, KitLoaded, PickingList, StockPostingResult } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { KitContents, PickingList };

/** GET /api/inventory/picking-list?teamId&date: a team's day, main components by serial, small parts per type. */
export const pickingListEndpoint = endpoint('GET', '/api/inventory/picking-list', PickingList);
/** POST /api/inventory/visits/:id/pick: what is reserved for the visit, from the bins into staging. */
export const pickVisitEndpoint = endpoint('POST', '/api/inventory/visits/:id/pick', StockPostingResult);
/** GET /api/inventory/visits/:id/kit: what the visit's kit in staging holds. */
export const kitEndpoint = endpoint('GET', '/api/inventory/visits/:id/kit', KitContents);
/** POST /api/inventory/visits/:id/kit-check: the quality check; when it holds, the kit goes onto the van. */
export const kitCheckEndpoint = endpoint('POST', '/api/inventory/visits/:id/kit-check', KitLoaded);

export function usePickingList(teamId: string, date: string) {
  return useQuery({
    queryKey: ['inventory', 'picking', teamId, date],
    queryFn: ({ signal }) => request(pickingListEndpoint, { query: { teamId, date }, signal }),
    enabled: Boolean(teamId && date),
  });
}

export function usePickVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (visitId: string) => request(pickVisitEndpoint, { params: { id: visitId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

export function useKit(visitId: string) {
  return useQuery({
    queryKey: ['inventory', 'kit', visitId],
    queryFn: ({ signal }) => request(kitEndpoint, { params: { id: visitId }, signal }),
  });
}

export function useCheckKit(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      idempotencyKey: string;
      scannedSerials: string[];
      counted: { productId: string; quantity: number }[];
    }) => request(kitCheckEndpoint, { params: { id: visitId }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}
