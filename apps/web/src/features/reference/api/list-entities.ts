import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

// GET /api/entities answers a plain array; docs/api-foundation.md does not fix the item
// shape, so both a list of codes and a list of objects with a code/id and a name are read.
export type BusinessEntityOption = { value: string; label: string };

const entityObjectSchema = z.pipe(
  z.object({ code: z.optional(z.string()), id: z.optional(z.string()), slug: z.optional(z.string()), name: z.optional(z.string()), displayName: z.optional(z.string()) }),
  z.transform((e: { code?: string; id?: string; slug?: string; name?: string; displayName?: string }): BusinessEntityOption => ({
    value: e.code ?? e.slug ?? e.id ?? e.name ?? '',
    label: e.displayName ?? e.name ?? e.code ?? e.id ?? '',
  })),
);
const entityCodeSchema = z.pipe(z.string(), z.transform((s: string): BusinessEntityOption => ({ value: s, label: s })));

export const entitiesSchema = z.pipe(
  z.array(z.union([entityCodeSchema, entityObjectSchema])),
  z.transform((list: BusinessEntityOption[]) => list.filter((e) => e.value !== '')),
);

export function listEntities(signal?: AbortSignal) {
  return request('/api/entities', entitiesSchema, { signal });
}

export function useEntities() {
  // Five brands that change once in years: fetch once per session.
  return useQuery({ queryKey: ['reference', 'entities'], queryFn: ({ signal }) => listEntities(signal), staleTime: Infinity });
}
