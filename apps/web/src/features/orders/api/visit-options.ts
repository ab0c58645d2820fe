import { useQuery } from '@tanstack/react-query';
import { VisitOptions } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** GET /api/visits/:id/options: the best few slots for a visit on the order page, with the travel each adds. */
export const orderVisitOptionsEndpoint = endpoint('GET', '/api/visits/:id/options', VisitOptions);

export function useOrderVisitOptions(visitId: string | null) {
  return useQuery({
    queryKey: ['visits', 'options', visitId],
    queryFn: ({ signal }) =>
      request(orderVisitOptionsEndpoint, { params: { id: visitId! }, query: { max: 5 }, signal }),
    enabled: visitId !== null,
  });
}
