import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PlanningProposal,
  PlanningProposalList,
  ProposalApplied,
  Region,
  TeamList,
  TeamRoute,
} from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type Proposal = z.infer<typeof PlanningProposal>;
export type Route = z.infer<typeof TeamRoute>;

/** POST /api/planning/proposals: "Optimaliseer" a horizon; computed in the background. */
export const optimiseEndpoint = endpoint('POST', '/api/planning/proposals', PlanningProposal);
/** GET /api/planning/proposals: the latest proposals. */
export const proposalsEndpoint = endpoint('GET', '/api/planning/proposals', PlanningProposalList);
/** GET /api/planning/proposals/:id: progress, then the difference. */
export const proposalEndpoint = endpoint('GET', '/api/planning/proposals/:id', PlanningProposal);
/** POST /api/planning/proposals/:id/apply: accept all, or some teams. */
export const applyProposalEndpoint = endpoint('POST', '/api/planning/proposals/:id/apply', ProposalApplied);
/** POST /api/planning/absences/repair: a team absent on a day, and the repair proposal. */
export const teamAbsentEndpoint = endpoint('POST', '/api/planning/absences/repair', PlanningProposal);
/** GET /api/teams/:id/route?date=: a team's day route. */
export const teamRouteEndpoint = endpoint('GET', '/api/teams/:id/route', TeamRoute);

const KEY = ['planning', 'proposals'];

export function useProposals() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => request(proposalsEndpoint, { signal }) });
}

/** Polls once a second while the proposal is computed, so its progress shows. */
export function useProposal(id: string) {
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: ({ signal }) => request(proposalEndpoint, { params: { id }, signal }),
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1_000 : false),
  });
}

export function useOptimise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { from: string; to: string; regionCode?: string }) => request(optimiseEndpoint, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useTeamAbsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { teamId: string; date: string; kind: string }) => request(teamAbsentEndpoint, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useApplyProposal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (teamIds?: string[]) =>
      request(applyProposalEndpoint, { params: { id }, body: teamIds ? { teamIds } : {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      void queryClient.invalidateQueries({ queryKey: ['visits'] });
    },
  });
}

export function useTeamRoute(teamId: string, date: string) {
  return useQuery({
    queryKey: ['visits', 'route', teamId, date],
    queryFn: ({ signal }) => request(teamRouteEndpoint, { params: { id: teamId }, query: { date }, signal }),
    enabled: teamId !== '' && date !== '',
  });
}

/** GET /api/teams and /api/regions: what the forms choose from. */
export const planningTeamsEndpoint = endpoint('GET', '/api/teams', TeamList);
export const planningRegionsEndpoint = endpoint('GET', '/api/regions', z.array(Region));

export function usePlanningTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => request(planningTeamsEndpoint, { signal }),
    staleTime: 10 * 60_000,
  });
}

export function usePlanningRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => request(planningRegionsEndpoint, { signal }),
    staleTime: 10 * 60_000,
  });
}
