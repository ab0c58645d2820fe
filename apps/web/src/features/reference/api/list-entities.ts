import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../lib/http/http-client';

// GET /api/entities answers a plain array; docs/api-foundation.md does not fix the item
// shape, so both a list of codes and a list of objects with a code/id and a name are read.
const entityObjectSchema = z
  .object({ code: z.string().optional(), id: z.string().optional(), slug: z.string().optional(), name: z.string().optional(), displayName: z.string().optional() })
  .transform((e) => ({ value: e.code ?? e.slug ?? e.id ?? e.name ?? '', label: e.displayName ?? e.name ?? e.code ?? e.id ?? '' }));
const entitySchema = z.union([z.string().transform((s) => ({ value: s, label: s })), entityObjectSchema]);

export const entitiesSchema = z.array(entitySchema).transform((list) => list.filter((e) => e.value !== ''));
export type BusinessEntityOption = { value: string; label: string };

export function listEntities(signal?: AbortSignal) {
  return request('/api/entities', entitiesSchema, { signal });
}

export function useEntities() {
  // Five brands that change once in years: fetch once per session.
  return useQuery({ queryKey: ['reference', 'entities'], queryFn: ({ signal }) => listEntities(signal), staleTime: Infinity });
}
