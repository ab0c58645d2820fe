import { useQuery } from '@tanstack/react-query';
import { WholesaleAvailability } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { WholesaleAvailability };

/** GET /api/inventory/wholesale-availability (partner): its wholesale products in availability bands. */
export const wholesaleAvailabilityEndpoint = endpoint(
  'GET',
  '/api/inventory/wholesale-availability',
  WholesaleAvailability,
);

export function useWholesaleAvailability() {
  return useQuery({
    queryKey: ['inventory', 'wholesale-availability'],
    queryFn: ({ signal }) => request(wholesaleAvailabilityEndpoint, { signal }),
  });
}
