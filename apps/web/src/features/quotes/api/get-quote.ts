import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const lineSchema = z.object({
  position: z.number(), productId: z.nullable(z.string()), kitId: z.nullable(z.string()), category: z.nullable(z.string()), description: z.string(), specification: z.nullable(z.string()),
  quantity: z.number(), unitPriceCents: z.number(), vatRate: z.number(), vatCategory: z.string(), billTo: z.string(), billingRule: z.nullable(z.string()), totalCents: z.number(),
});
export const quoteDetailSchema = z.object({
  id: z.string(), number: z.string(), entityId: z.string(), customerId: z.string(), customerName: z.string(), partnerId: z.nullable(z.string()), partnerName: z.nullable(z.string()), partnerVatNumber: z.nullable(z.string()),
  status: z.string(), currentVersion: z.number(), lockVersion: z.number(), validUntil: z.string(), createdAt: z.string(), orderId: z.nullable(z.string()),
  customerTotalCents: z.number(), partnerTotalCents: z.number(), vatCents: z.number(),
  lines: z.array(lineSchema),
  visits: z.array(z.object({ sequence: z.number(), type: z.string(), durationMinutes: z.number() })),
  signatures: z.array(z.object({ role: z.string(), status: z.string(), version: z.number(), signerName: z.nullable(z.string()), usedAt: z.nullable(z.string()), declineReason: z.nullable(z.string()), expiresAt: z.string() })),
  versions: z.array(z.object({ version: z.number(), createdAt: z.string(), createdByName: z.nullable(z.string()), changeNote: z.nullable(z.string()), customerTotalCents: z.number(), partnerTotalCents: z.number() })),
});
export type QuoteDetail = z.infer<typeof quoteDetailSchema>;

export const quoteKey = (id: string) => ['quotes', 'detail', id] as const;

/** GET /api/quotes/:id: the current version with billing allocation, visits, signatures and versions. */
export function useQuote(id: string) {
  return useQuery({ queryKey: quoteKey(id), queryFn: ({ signal }) => request(`/api/quotes/${encodeURIComponent(id)}`, quoteDetailSchema, { signal }) });
}
