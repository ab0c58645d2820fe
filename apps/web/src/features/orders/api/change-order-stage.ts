import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrderStageChanged } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** POST /api/orders/:id/stage (staff): a reason is required for on hold and cancelled. */
export const changeOrderStageEndpoint = endpoint('POST', '/api/orders/:id/stage', OrderStageChanged);

export function useChangeOrderStage(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { stage: string; reason?: string }) =>
      request(changeOrderStageEndpoint, { params: { id: orderId }, body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['orders'] }),
  });
}
