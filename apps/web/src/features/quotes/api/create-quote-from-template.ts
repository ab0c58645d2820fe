import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  QuoteCreated,
  QuoteTemplateList,
  type CreateQuoteFromTemplateBody,
  type IntakeAnswers as IntakeAnswersSchema,
} from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

/** GET /api/quote-templates: the standard configurations. */
export const quoteTemplatesEndpoint = endpoint('GET', '/api/quote-templates', QuoteTemplateList);
/** POST /api/quotes/from-template: one click from a template and the intake answers. */
export const createQuoteFromTemplateEndpoint = endpoint('POST', '/api/quotes/from-template', QuoteCreated);

export function useQuoteTemplates() {
  return useQuery({
    queryKey: ['quote-templates'],
    queryFn: ({ signal }) => request(quoteTemplatesEndpoint, { signal }),
    staleTime: 5 * 60_000,
  });
}

export type IntakeAnswers = z.output<typeof IntakeAnswersSchema>;
export type FromTemplateInput = z.input<typeof CreateQuoteFromTemplateBody>;

export function useCreateQuoteFromTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FromTemplateInput) => request(createQuoteFromTemplateEndpoint, { body: input }),
    onSuccess: async (_created, input) => {
      await client.invalidateQueries({ queryKey: ['quotes', 'list'] });
      // The lead lists the quotes made from it.
      if (input.leadId) await client.invalidateQueries({ queryKey: ['leads', 'detail', input.leadId] });
    },
  });
}
