import { useQuery } from '@tanstack/react-query';
import { QuoteDiff as QuoteDiffSchema, VisitPreview } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type QuoteDiff = z.infer<typeof QuoteDiffSchema>;

/** GET /api/quotes/:id/versions/:from/diff/:to. */
export const quoteDiffEndpoint = endpoint('GET', '/api/quotes/:id/versions/:from/diff/:to', QuoteDiffSchema);
/** GET /api/quotes/:id/visit-preview: earliest dates with capacity in the customer's region (staff only). */
export const visitPreviewEndpoint = endpoint('GET', '/api/quotes/:id/visit-preview', VisitPreview);

export function useQuoteDiff(id: string, from: number, to: number, enabled: boolean) {
  return useQuery({
    queryKey: ['quotes', 'diff', id, from, to],
    enabled,
    queryFn: ({ signal }) => request(quoteDiffEndpoint, { params: { id, from, to }, signal }),
  });
}

export function useVisitPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['quotes', 'visit-preview', id],
    enabled,
    queryFn: ({ signal }) => request(visitPreviewEndpoint, { params: { id }, signal }),
  });
}
