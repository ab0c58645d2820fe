import { useMutation, useQueryClient } from '@tanstack/react-query';
import { VisitStarted } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** POST /api/visits/:id/start: a technician starts a planned visit of their own team on site; the order goes in progress. */
export const startVisitEndpoint = endpoint('POST', '/api/visits/:id/start', VisitStarted);

export function useStartVisit(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(startVisitEndpoint, { params: { id: visitId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['visits'] }),
  });
}
