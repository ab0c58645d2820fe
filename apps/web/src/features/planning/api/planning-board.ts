import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DropFeasibility,
  PlannedVisit,
  PlanningCapacity,
  Region,
  TeamSchedule,
  VisitOptions,
  type VisitCard,
} from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type Card = z.infer<typeof VisitCard>;
export type Schedule = z.infer<typeof TeamSchedule>;
export type Cell = z.infer<typeof DropFeasibility>['cells'][number];
export type Block = 'morning' | 'afternoon';
export type Slot = { teamId: string; date: string; block: Block };

export type BoardParams = {
  view: 'week' | 'month';
  date: string;
  region?: string | undefined;
  type?: string | undefined;
  minAgeDays?: number | undefined;
  priority?: number | undefined;
  materials?: 'waiting' | 'ready' | undefined;
};

/** GET /api/teams/schedule: teams x days with their blocks, and the queue of visits to plan. */
export const teamScheduleEndpoint = endpoint('GET', '/api/teams/schedule', TeamSchedule);
/** GET /api/visits/:id/feasibility: every cell of the board judged for one visit (colours while dragging). */
export const dropFeasibilityEndpoint = endpoint('GET', '/api/visits/:id/feasibility', DropFeasibility);
/** PUT /api/visits/:id: plan, move or unplan on the version seen, optionally overriding a refusal with a reason. */
export const planVisitEndpoint = endpoint('PUT', '/api/visits/:id', PlannedVisit);
/** GET /api/visits/:id/options: the best few slots with the travel each adds. */
export const visitOptionsEndpoint = endpoint('GET', '/api/visits/:id/options', VisitOptions);
/** GET /api/dashboard/capacity: utilisation, first time right, travel per visit. */
export const planningCapacityEndpoint = endpoint('GET', '/api/dashboard/capacity', PlanningCapacity);

// Keys start with 'visits', so every visit event (another planner's move) refreshes the board.
export function useTeamSchedule(params: BoardParams) {
  return useQuery({
    queryKey: ['visits', 'board', params],
    queryFn: ({ signal }) => request(teamScheduleEndpoint, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDropFeasibility(visitId: string | null, params: BoardParams) {
  return useQuery({
    queryKey: ['visits', 'feasibility', visitId, params.view, params.date, params.region],
    queryFn: ({ signal }) =>
      request(dropFeasibilityEndpoint, {
        params: { id: visitId! },
        query: { view: params.view, date: params.date, region: params.region },
        signal,
      }),
    enabled: visitId !== null,
    staleTime: 5_000,
  });
}

export function useVisitOptions(visitId: string | null) {
  return useQuery({
    queryKey: ['visits', 'options', visitId],
    queryFn: ({ signal }) => request(visitOptionsEndpoint, { params: { id: visitId! }, query: { max: 5 }, signal }),
    enabled: visitId !== null,
  });
}

export function usePlanningCapacity(params: { view: 'week' | 'month'; date: string }) {
  return useQuery({
    queryKey: ['visits', 'capacity', params],
    queryFn: ({ signal }) => request(planningCapacityEndpoint, { query: params, signal }),
  });
}

export type PlanInput = {
  visitId: string;
  lockVersion: number;
  slot: Slot | null;
  overrideReason?: string | undefined;
};

export function usePlanVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, ...body }: PlanInput) => request(planVisitEndpoint, { params: { id: visitId }, body }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['visits'] }),
        queryClient.invalidateQueries({ queryKey: ['orders'] }),
      ]),
  });
}

/** GET /api/regions: the regions the board's filter offers. */
export const listRegionsEndpoint = endpoint('GET', '/api/regions', z.array(Region));

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => request(listRegionsEndpoint, { signal }),
    staleTime: 10 * 60_000,
  });
}
