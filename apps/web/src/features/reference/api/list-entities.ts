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

/** A brand's name for its id ("chargecars" → "ChargeCars"); the id itself until the list has loaded. */
export function useEntityName(): (id: string) => string {
  const { data } = useEntities();
  return (id) => data?.find((e) => e.value === id)?.label ?? id;
}
