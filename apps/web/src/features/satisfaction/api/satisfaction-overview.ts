import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SatisfactionOverview, type SatisfactionItem } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';
import type { ListParams } from '../../../lib/http/paged';

export type { SatisfactionItem };
export type SatisfactionParams = ListParams & { teamId?: string | undefined; answered?: string | undefined };

/** GET /api/satisfaction (admin, operations): the surveys per visit, order and team, with averages. */
export const satisfactionOverviewEndpoint = endpoint('GET', '/api/satisfaction', SatisfactionOverview);

export function useSatisfactionOverview(params: SatisfactionParams) {
  const { sort: _sort, q: _q, ...query } = params;
  return useQuery({
    queryKey: ['satisfaction', query],
    queryFn: ({ signal }) => request(satisfactionOverviewEndpoint, { query, signal }),
    placeholderData: keepPreviousData,
  });
}
