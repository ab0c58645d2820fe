import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const templateSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), entityId: z.string() });

/** GET /api/quote-templates: the standard configurations. */
export function useQuoteTemplates() {
  return useQuery({ queryKey: ['quote-templates'], queryFn: ({ signal }) => request('/api/quote-templates', z.array(templateSchema), { signal }), staleTime: 5 * 60_000 });
}

export type IntakeAnswers = { cableMeters: number; groundWorkMeters: number; meterCabinetUpgrade: boolean; smartMeter: boolean; mountingPole: boolean };
export type FromTemplateInput = { templateId: string; customerId: string; partnerId?: string; answers: IntakeAnswers };

/** POST /api/quotes/from-template: one click from a template and the intake answers. */
export function useCreateQuoteFromTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FromTemplateInput) => request('/api/quotes/from-template', z.object({ id: z.string(), number: z.string() }), { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['quotes', 'list'] }),
  });
}
