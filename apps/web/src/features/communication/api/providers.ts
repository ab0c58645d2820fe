import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProviderSettings, TestMessageQueued } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** GET /api/messages/providers (admin): which channels have a real provider. */
export const providerSettingsEndpoint = endpoint('GET', '/api/messages/providers', ProviderSettings);
/** POST /api/messages/providers/test (admin): queues a test message; the log shows what became of it. */
export const sendTestMessageEndpoint = endpoint('POST', '/api/messages/providers/test', TestMessageQueued);

export function useProviderSettings() {
  return useQuery({
    queryKey: ['messages', 'providers'],
    queryFn: ({ signal }) => request(providerSettingsEndpoint, { signal }),
  });
}

export function useSendTestMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { channel: 'email' | 'sms' | 'whatsapp'; to: string }) =>
      request(sendTestMessageEndpoint, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['messages', 'list'] }),
  });
}
