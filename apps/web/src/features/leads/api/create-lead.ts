import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

export type NewLeadInput = {
  name: string; email: string; phone?: string | undefined; productInterest?: string | undefined; notes?: string | undefined;
  address?: { postcode: string; houseNumber: number; addition?: string | undefined; street?: string | undefined; city?: string | undefined } | undefined;
};

/** POST /api/leads: ops enter a lead; it runs the same pipeline as API and web-form leads. */
export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewLeadInput) => request('/api/leads', z.object({ id: z.string(), number: z.string(), status: z.string() }), { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leads'] }),
  });
}
