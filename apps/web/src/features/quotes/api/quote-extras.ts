import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const lineSnapshot = z.object({ description: z.string(), quantity: z.number(), unitPriceCents: z.number(), vatRate: z.number(), vatCategory: z.string(), billTo: z.string(), totalCents: z.number() });
const versionMeta = z.object({ version: z.number(), createdAt: z.string(), createdByName: z.nullable(z.string()), changeNote: z.nullable(z.string()) });
const diffSchema = z.object({
  from: versionMeta, to: versionMeta, added: z.array(lineSnapshot), removed: z.array(lineSnapshot),
  changed: z.array(z.object({ description: z.string(), before: lineSnapshot, after: lineSnapshot, fields: z.array(z.string()) })),
  visitsChanged: z.boolean(),
});
export type QuoteDiff = z.infer<typeof diffSchema>;

/** GET /api/quotes/:id/versions/:from/diff/:to. */
export function useQuoteDiff(id: string, from: number, to: number, enabled: boolean) {
  return useQuery({ queryKey: ['quotes', 'diff', id, from, to], enabled, queryFn: ({ signal }) => request(`/api/quotes/${encodeURIComponent(id)}/versions/${from}/diff/${to}`, diffSchema, { signal }) });
}

const previewSchema = z.object({ region: z.nullable(z.string()), visits: z.array(z.object({ sequence: z.number(), type: z.string(), durationMinutes: z.number(), earliestDates: z.array(z.string()) })) });

/** GET /api/quotes/:id/visit-preview: earliest dates with capacity in the customer's region (staff only). */
export function useVisitPreview(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['quotes', 'visit-preview', id], enabled, queryFn: ({ signal }) => request(`/api/quotes/${encodeURIComponent(id)}/visit-preview`, previewSchema, { signal }) });
}
