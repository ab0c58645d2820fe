import { useQuery } from '@tanstack/react-query';
import { BusinessEntityList } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type BusinessEntityOption = { value: string; label: string };

/** GET /api/entities: the five business entities. */
export const listEntitiesEndpoint = endpoint('GET', '/api/entities', BusinessEntityList);

export async function listEntities(signal?: AbortSignal): Promise<BusinessEntityOption[]> {
  const entities = await request(listEntitiesEndpoint, { signal });
  return entities.map((e) => ({ value: e.id, label: e.name }));
}

export function useEntities() {
  // Five brands that change once in years: fetch once per session.
  return useQuery({
    queryKey: ['reference', 'entities'],
    queryFn: ({ signal }) => listEntities(signal),
    staleTime: Infinity,
  });
}

/**
 * A brand's name for its id ("chargecars" → "ChargeCars"). Nothing while the list loads: a table that
 * arrives first showed its raw ids for a moment. An id the list does not know is shown as it is.
 */
export function useEntityName(): (id: string) => string {
  const { data } = useEntities();
  return (id) => (data ? (data.find((e) => e.value === id)?.label ?? id) : '');
}
