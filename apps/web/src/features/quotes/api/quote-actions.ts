import { useMutation, useQueryClient } from '@tanstack/react-query';
import { QuoteChanged } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** POST /api/quotes/:id/send or /renew with the lock version the user saw; a 409 says someone else changed it. */
export const sendQuoteEndpoint = endpoint('POST', '/api/quotes/:id/send', QuoteChanged);
export const renewQuoteEndpoint = endpoint('POST', '/api/quotes/:id/renew', QuoteChanged);

export function useQuoteAction(id: string, action: 'send' | 'renew') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lockVersion: number) =>
      request(action === 'send' ? sendQuoteEndpoint : renewQuoteEndpoint, { params: { id }, body: { lockVersion } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['quotes'] }),
  });
}
