import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LeadAssigned, LeadStatusChanged } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** POST /api/leads/:id/qualify | reject {reason} | assign {entityId}: ops decide by hand. */
export const qualifyLeadEndpoint = endpoint('POST', '/api/leads/:id/qualify', LeadStatusChanged);
export const rejectLeadEndpoint = endpoint('POST', '/api/leads/:id/reject', LeadStatusChanged);
export const assignLeadEndpoint = endpoint('POST', '/api/leads/:id/assign', LeadAssigned);

export function useDecideLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      decision: { kind: 'qualify' } | { kind: 'reject'; reason: string } | { kind: 'assign'; entityId: string },
    ): Promise<unknown> =>
      decision.kind === 'qualify'
        ? request(qualifyLeadEndpoint, { params: { id } })
        : decision.kind === 'reject'
          ? request(rejectLeadEndpoint, { params: { id }, body: { reason: decision.reason } })
          : request(assignLeadEndpoint, { params: { id }, body: { entityId: decision.entityId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leads'] }),
  });
}
