import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const statusSchema = z.object({ status: z.string() });

/** POST /api/leads/:id/qualify | reject {reason} | assign {entityId}: ops decide by hand. */
export function useDecideLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: { kind: 'qualify' } | { kind: 'reject'; reason: string } | { kind: 'assign'; entityId: string }): Promise<unknown> =>
      decision.kind === 'qualify'
        ? request(`/api/leads/${id}/qualify`, statusSchema, { method: 'POST' })
        : decision.kind === 'reject'
          ? request(`/api/leads/${id}/reject`, statusSchema, { method: 'POST', body: { reason: decision.reason } })
          : request(`/api/leads/${id}/assign`, z.object({ entityId: z.string() }), { method: 'POST', body: { entityId: decision.entityId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leads'] }),
  });
}
