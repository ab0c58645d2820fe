import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

// GET /api/partners/:id: registration details, VAT number and whether its invoices carry reverse charge.
export const partnerDetailSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  category: z.string(),
  entityId: z.string(),
  status: z.string(),
  email: z.string(),
  phone: z.nullable(z.string()),
  kvkNumber: z.string(),
  vatNumber: z.nullable(z.string()),
  reverseCharge: z.boolean(),
  orders: z.number(),
  createdAt: z.string(),
});
export type PartnerDetail = z.infer<typeof partnerDetailSchema>;

export const partnerKey = (id: string) => ['partners', 'detail', id] as const;

export function usePartner(id: string) {
  return useQuery({ queryKey: partnerKey(id), queryFn: ({ signal }) => request(`/api/partners/${encodeURIComponent(id)}`, partnerDetailSchema, { signal }) });
}
