import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { pagedSchema, type ListParams } from '../../../lib/http/paged';

export const quoteListItemSchema = z.object({
  id: z.string(), number: z.string(), entityId: z.string(), customerName: z.string(), partnerName: z.nullable(z.string()),
  status: z.string(), currentVersion: z.number(), validUntil: z.string(), customerTotalCents: z.number(), partnerTotalCents: z.number(), createdAt: z.string(),
});
export type QuoteListItem = z.infer<typeof quoteListItemSchema>;

/** GET /api/quotes: scoped by the server (a partner its own, a customer theirs). */
export function useQuotes(params: ListParams) {
  return useQuery({
    queryKey: ['quotes', 'list', params],
    queryFn: ({ signal }) => request('/api/quotes', pagedSchema(quoteListItemSchema), { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
