import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const visitScheduledSchema = z.object({ id: z.string(), status: z.string(), date: z.string(), block: z.string(), teamId: z.string() });

export type ScheduleVisitInput = { date: string; teamId: string; block: 'morning' | 'afternoon' };

/** POST /api/visits/:id/schedule (staff): again on a scheduled visit moves it. */
export function useScheduleVisit(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleVisitInput) => request(`/api/visits/${encodeURIComponent(visitId)}/schedule`, visitScheduledSchema, { method: 'POST', body: input }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['orders'] }), queryClient.invalidateQueries({ queryKey: ['visits'] })]),
  });
}
