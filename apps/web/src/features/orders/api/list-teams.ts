import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const teamSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type Team = z.infer<typeof teamSchema>;

/** GET /api/teams: the handful of regional teams a visit can be planned on. */
export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => request('/api/teams', z.array(teamSchema), { signal }),
    // Teams change a few times a year; one fetch per session is plenty.
    staleTime: 10 * 60_000,
  });
}
