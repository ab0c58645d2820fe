import { useQuery } from '@tanstack/react-query';
import { QuoteDetail as QuoteDetailSchema } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type QuoteDetail = z.infer<typeof QuoteDetailSchema>;

/** GET /api/quotes/:id: the current version with billing allocation, visits, signatures and versions. */
export const getQuoteEndpoint = endpoint('GET', '/api/quotes/:id', QuoteDetailSchema);

export const quoteKey = (id: string) => ['quotes', 'detail', id] as const;

export function useQuote(id: string) {
  return useQuery({
    queryKey: quoteKey(id),
    queryFn: ({ signal }) => request(getQuoteEndpoint, { params: { id }, signal }),
  });
}
