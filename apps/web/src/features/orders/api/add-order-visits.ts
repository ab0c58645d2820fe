import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OrderVisitsCreated } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type AddVisitInput = { type: 'survey' | 'installation' | 'meter_replacement'; durationMinutes: number };

/** POST /api/orders/:id/visits (staff): the visits of an order that has none (its quote's proposal, else this one). */
export const addOrderVisitsEndpoint = endpoint('POST', '/api/orders/:id/visits', OrderVisitsCreated);

export function useAddOrderVisits(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddVisitInput) => request(addOrderVisitsEndpoint, { params: { id: orderId }, body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['orders'] }),
        queryClient.invalidateQueries({ queryKey: ['visits'] }),
      ]),
  });
}
