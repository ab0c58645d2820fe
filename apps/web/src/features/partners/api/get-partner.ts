import { useQuery } from '@tanstack/react-query';
import { PartnerDetail as PartnerDetailSchema } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

// GET /api/partners/:id: registration details, VAT number and whether its invoices carry reverse charge.
export type PartnerDetail = z.infer<typeof PartnerDetailSchema>;
export const getPartnerEndpoint = endpoint('GET', '/api/partners/:id', PartnerDetailSchema);

export const partnerKey = (id: string) => ['partners', 'detail', id] as const;

export function usePartner(id: string) {
  return useQuery({
    queryKey: partnerKey(id),
    queryFn: ({ signal }) => request(getPartnerEndpoint, { params: { id }, signal }),
  });
}
