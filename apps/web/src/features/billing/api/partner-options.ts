import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PartnerPage } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** GET /api/partners (staff), searched by name: the partners to pick for a statement or a monthly invoice. */
export const partnerOptionsEndpoint = endpoint('GET', '/api/partners', PartnerPage);

export function usePartnerOptions(q: string) {
  return useQuery({
    queryKey: ['partners', 'options', q],
    queryFn: ({ signal }) =>
      request(partnerOptionsEndpoint, { query: { q: q || undefined, page: 1, pageSize: 20, sort: 'name' }, signal }),
    placeholderData: keepPreviousData,
  });
}
