import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PartnerLead, type NewOpsLead } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type NewLeadInput = z.input<typeof NewOpsLead>;

/** POST /api/leads: ops enter a lead; it runs the same pipeline as API and web-form leads. */
export const createLeadEndpoint = endpoint('POST', '/api/leads', PartnerLead);

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewLeadInput) => request(createLeadEndpoint, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leads'] }),
  });
}
