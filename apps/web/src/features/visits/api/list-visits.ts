import { useQuery } from '@tanstack/react-query';
import { VisitList, type VisitListItem } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type Visit = z.infer<typeof VisitListItem>;
export const listVisitsEndpoint = endpoint('GET', '/api/visits', VisitList);

export type VisitListParams = { date: string; teamId?: string | undefined };

/** A team does at most a few visits a day; one page of 200 is the whole day. */
export function listVisits(params: VisitListParams, signal?: AbortSignal) {
  return request(listVisitsEndpoint, { query: { ...params, page: 1, pageSize: 200 }, signal });
}

export function useVisits(params: VisitListParams) {
  return useQuery({ queryKey: ['visits', 'list', params], queryFn: ({ signal }) => listVisits(params, signal) });
}
