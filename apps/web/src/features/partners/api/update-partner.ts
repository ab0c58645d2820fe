import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PartnerDetail } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';
import { partnerKey } from './get-partner';

/**
 * The server's rule, checked here first so a typo is named before a round trip: Dutch numbers strictly
 * (NL + 9 digits + B + 2 digits), other EU member states by prefix. Spaces and dots may be typed.
 */
const VAT_NUMBER =
  /^(NL\d{9}B\d{2}|(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|PL|PT|RO|SE|SI|SK|XI)[0-9A-Z+*]{2,12})$/;
export const tidyVatNumber = (raw: string) => raw.replace(/[\s.]/g, '').toUpperCase();
export const isVatNumber = (raw: string) => VAT_NUMBER.test(tidyVatNumber(raw));

/** PATCH /api/partners/:id `{ vatNumber }` (null clears it): the answer is the partner as it now is. */
export const updatePartnerEndpoint = endpoint('PATCH', '/api/partners/:id', PartnerDetail);

export function useUpdatePartnerVatNumber(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vatNumber: string | null) => request(updatePartnerEndpoint, { params: { id }, body: { vatNumber } }),
    onSuccess: (partner) => {
      queryClient.setQueryData(partnerKey(id), partner);
      void queryClient.invalidateQueries({ queryKey: ['partners', 'list'] });
    },
  });
}
