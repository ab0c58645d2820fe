import { useMutation, useQueryClient } from '@tanstack/react-query';
import { VisitScheduled } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type ScheduleVisitInput = {
  date: string;
  teamId: string;
  block: 'morning' | 'afternoon';
  /** A planner's reason to plan it although the check refuses (audited). */
  overrideReason?: string | undefined;
};

/** POST /api/visits/:id/schedule (staff): again on a scheduled visit moves it. */
export const scheduleVisitEndpoint = endpoint('POST', '/api/visits/:id/schedule', VisitScheduled);

export function useScheduleVisit(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleVisitInput) => request(scheduleVisitEndpoint, { params: { id: visitId }, body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['orders'] }),
        queryClient.invalidateQueries({ queryKey: ['visits'] }),
      ]),
  });
}
