import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const changedSchema = z.object({ id: z.string(), status: z.string(), lockVersion: z.number() });

/** POST /api/quotes/:id/send or /renew with the lock version the user saw; a 409 says someone else changed it. */
export function useQuoteAction(id: string, action: 'send' | 'renew') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lockVersion: number) => request(`/api/quotes/${encodeURIComponent(id)}/${action}`, changedSchema, { method: 'POST', body: { lockVersion } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['quotes'] }),
  });
}
