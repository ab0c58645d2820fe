import { useQuery } from '@tanstack/react-query';
import { SerialUnit } from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { SerialUnit };

/** GET /api/inventory/serials?serial=: every unit with this serial, its hops, order, customer and warranty. */
export const serialLookupEndpoint = endpoint('GET', '/api/inventory/serials', z.array(SerialUnit));

export function useSerialLookup(serial: string) {
  return useQuery({
    queryKey: ['inventory', 'serial', serial],
    queryFn: ({ signal }) => request(serialLookupEndpoint, { query: { serial }, signal }),
    enabled: serial.trim().length > 0,
  });
}
