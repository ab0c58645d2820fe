import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CustomerCommunication, type MessagePreferences } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export const customerCommunicationKey = (customerId: string) => ['messages', 'customer', customerId] as const;

/** GET /api/messages/customers/:customerId: messages, preferences and unreachable addresses of one customer. */
export const customerCommunicationEndpoint = endpoint(
  'GET',
  '/api/messages/customers/:customerId',
  CustomerCommunication,
);
/** PUT /api/messages/customers/:customerId/preferences (admin, operations). */
export const saveMessagePreferencesEndpoint = endpoint(
  'PUT',
  '/api/messages/customers/:customerId/preferences',
  CustomerCommunication,
);

export function useCustomerCommunication(customerId: string) {
  return useQuery({
    queryKey: customerCommunicationKey(customerId),
    queryFn: ({ signal }) => request(customerCommunicationEndpoint, { params: { customerId }, signal }),
  });
}

export function useSaveMessagePreferences(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MessagePreferences) => request(saveMessagePreferencesEndpoint, { params: { customerId }, body }),
    onSuccess: (data) => queryClient.setQueryData(customerCommunicationKey(customerId), data),
  });
}
