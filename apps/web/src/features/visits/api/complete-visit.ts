import { useMutation, useQueryClient } from '@tanstack/react-query';
import { VisitCompleted } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** POST /api/visits/:id/complete: a technician finishes a visit of their own team. */
export const completeVisitEndpoint = endpoint('POST', '/api/visits/:id/complete', VisitCompleted);

export function useCompleteVisit(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(completeVisitEndpoint, { params: { id: visitId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['visits'] }),
  });
}
