import { useQuery } from '@tanstack/react-query';
import { TeamList, type Team as TeamSchema } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type Team = z.infer<typeof TeamSchema>;

/** GET /api/teams: the handful of regional teams a visit can be planned on. */
export const listTeamsEndpoint = endpoint('GET', '/api/teams', TeamList);

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => request(listTeamsEndpoint, { signal }),
    // Teams change a few times a year; one fetch per session is plenty.
    staleTime: 10 * 60_000,
  });
}
