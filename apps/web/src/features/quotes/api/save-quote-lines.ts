import { useMutation, useQueryClient } from '@tanstack/react-query';
import { QuoteChanged, QuoteCreated } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** A line as the editor sends it: a product or kit from the catalogue, or a free line kept from an earlier version. */
export type QuoteLineInput =
  | { productId: string; quantity: number }
  | { kitId: string; quantity: number }
  | {
      description: string;
      quantity: number;
      unitPriceCents: number;
      vatRate: number;
      vatCategory: string;
      billTo: string;
    };

export type NewQuoteInput = {
  entityId: string;
  customerId: string;
  partnerId?: string;
  leadId?: string;
  lines: QuoteLineInput[];
};

/** POST /api/quotes: a draft quote from catalogue lines, priced and allocated by the server. */
export const createQuoteEndpoint = endpoint('POST', '/api/quotes', QuoteCreated);
/** PUT /api/quotes/:id with the lock version the editor started from; a 409 says someone else changed it meanwhile. */
export const reviseQuoteEndpoint = endpoint('PUT', '/api/quotes/:id', QuoteChanged);

export function useCreateQuote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewQuoteInput) => request(createQuoteEndpoint, { body: input }),
    onSuccess: async (_created, input) => {
      await client.invalidateQueries({ queryKey: ['quotes', 'list'] });
      // The lead lists the quotes made from it.
      if (input.leadId) await client.invalidateQueries({ queryKey: ['leads', 'detail', input.leadId] });
    },
  });
}

export function useReviseQuote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { lockVersion: number; lines: QuoteLineInput[]; changeNote?: string }) =>
      request(reviseQuoteEndpoint, { params: { id }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['quotes'] }),
  });
}
