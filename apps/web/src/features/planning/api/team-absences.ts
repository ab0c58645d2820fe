import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TeamAbsence, TeamAbsenceAdded } from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request, requestVoid } from '../../../lib/http/http-client';

export type Absence = z.infer<typeof TeamAbsence>;
export const teamAbsencesEndpoint = endpoint('GET', '/api/teams/:id/absences', z.array(TeamAbsence));
export const addTeamAbsenceEndpoint = endpoint('POST', '/api/teams/:id/absences', TeamAbsenceAdded);
export const removeTeamAbsenceEndpoint = endpoint('DELETE', '/api/teams/:id/absences/:absenceId', null);

export function useTeamAbsences(teamId: string | null) {
  return useQuery({
    queryKey: ['visits', 'absences', teamId],
    queryFn: ({ signal }) => request(teamAbsencesEndpoint, { params: { id: teamId! }, signal }),
    enabled: teamId !== null,
  });
}

export type AbsenceInput = { dateFrom: string; dateTo: string; kind: Absence['kind']; note?: string | undefined };

export function useAddTeamAbsence(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AbsenceInput) => request(addTeamAbsenceEndpoint, { params: { id: teamId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['visits'] }),
  });
}

export function useRemoveTeamAbsence(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (absenceId: string) => requestVoid(removeTeamAbsenceEndpoint, { params: { id: teamId, absenceId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['visits'] }),
  });
}
