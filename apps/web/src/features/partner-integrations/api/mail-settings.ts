import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PartnerMailSettings } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { PartnerMailSettings };

/** GET/PUT /api/partners/:id/mail-settings: the contact's address and language, and the event mails. */
export const partnerMailSettingsEndpoint = endpoint('GET', '/api/partners/:id/mail-settings', PartnerMailSettings);
export const savePartnerMailSettingsEndpoint = endpoint('PUT', '/api/partners/:id/mail-settings', PartnerMailSettings);

const key = (partnerId: string) => ['partner', partnerId, 'mail-settings'];

export function usePartnerMailSettings(partnerId: string) {
  return useQuery({
    queryKey: key(partnerId),
    queryFn: ({ signal }) => request(partnerMailSettingsEndpoint, { params: { id: partnerId }, signal }),
  });
}

export function useSavePartnerMailSettings(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnerMailSettings) =>
      request(savePartnerMailSettingsEndpoint, { params: { id: partnerId }, body }),
    onSuccess: (saved) => queryClient.setQueryData(key(partnerId), saved),
  });
}
