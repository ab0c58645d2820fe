import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const stageChangedSchema = z.object({ id: z.string(), stage: z.string(), progress: z.number() });

/** POST /api/orders/:id/stage (staff): a reason is required for on hold and cancelled. */
export function useChangeOrderStage(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { stage: string; reason?: string }) => request(`/api/orders/${encodeURIComponent(orderId)}/stage`, stageChangedSchema, { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['orders'] }),
  });
}
