import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const visitCompletedSchema = z.object({ id: z.string(), status: z.string(), completedAt: z.string() });

/** POST /api/visits/:id/complete: a technician finishes a visit of their own team. */
export function useCompleteVisit(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(`/api/visits/${encodeURIComponent(visitId)}/complete`, visitCompletedSchema, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['visits'] }),
  });
}
