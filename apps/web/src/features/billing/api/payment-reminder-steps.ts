import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EntityReminderSteps, EntityReminderStepsList } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** GET /api/entities/payment-reminders: each entity's reminder steps (days past the due date). */
export const paymentReminderStepsEndpoint = endpoint('GET', '/api/entities/payment-reminders', EntityReminderStepsList);
/** PUT /api/entities/:entityId/payment-reminders: one entity's steps, rising, at most five. */
export const setPaymentReminderStepsEndpoint = endpoint(
  'PUT',
  '/api/entities/:entityId/payment-reminders',
  EntityReminderSteps,
);

const key = ['invoices', 'payment-reminder-steps'];

export function usePaymentReminderSteps() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => request(paymentReminderStepsEndpoint, { signal }) });
}

export function useSetPaymentReminderSteps() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { entityId: string; days: number[] }) =>
      request(setPaymentReminderStepsEndpoint, { params: { entityId: input.entityId }, body: { days: input.days } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
