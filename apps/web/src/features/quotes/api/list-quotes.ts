import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type QuoteListItem as QuoteListItemSchema, QuotePage } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';
import type { ListParams } from '../../../lib/http/paged';

export type QuoteListItem = z.infer<typeof QuoteListItemSchema>;

/** GET /api/quotes: scoped by the server (a partner its own, a customer theirs). */
export const listQuotesEndpoint = endpoint('GET', '/api/quotes', QuotePage);

export function useQuotes(params: ListParams) {
  return useQuery({
    queryKey: ['quotes', 'list', params],
    queryFn: ({ signal }) => request(listQuotesEndpoint, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
