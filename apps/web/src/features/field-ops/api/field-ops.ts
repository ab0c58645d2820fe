import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DeviceRevoked,
  FieldCaseResolved,
  OpenFieldCase,
  TeamList,
  TechnicianDevice,
  VisitResult,
} from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type VisitResultView = z.infer<typeof VisitResult>;
export type OpenCase = z.infer<typeof OpenFieldCase>;
export type Device = z.infer<typeof TechnicianDevice>;

/** GET /api/visits/:id/execution: what the team recorded on a visit, against its checklist. */
export const visitResultEndpoint = endpoint('GET', '/api/visits/:id/execution', VisitResult);
/** GET /api/mobile/cases: open field cases, of one kind or one team. */
export const openCasesEndpoint = endpoint('GET', '/api/mobile/cases', z.array(OpenFieldCase));
/** POST /api/mobile/cases/:id/resolve: ops close a case with a note. */
export const resolveCaseEndpoint = endpoint('POST', '/api/mobile/cases/:id/resolve', FieldCaseResolved);
/** GET /api/mobile/devices: the technicians' registered phones. */
export const devicesEndpoint = endpoint('GET', '/api/mobile/devices', z.array(TechnicianDevice));
/** POST /api/mobile/devices/:id/revoke: a lost phone's next sync wipes it. */
export const revokeDeviceEndpoint = endpoint('POST', '/api/mobile/devices/:id/revoke', DeviceRevoked);

/** Where a visit's photos and report are read: plain URLs, the browser shows them as it loads them. */
export const photoUrl = (sha256: string) => `/api/mobile/photos/${sha256}`;
export const reportUrl = (visitId: string) => `/api/visits/${visitId}/installation-report`;

export function useVisitResult(id: string) {
  return useQuery({
    queryKey: ['field-ops', 'visit', id],
    queryFn: ({ signal }) => request(visitResultEndpoint, { params: { id }, signal }),
  });
}

export function useOpenCases(filter: { kind: string; teamId: string }) {
  const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
  return useQuery({
    queryKey: ['field-ops', 'cases', query],
    queryFn: ({ signal }) => request(openCasesEndpoint, { query, signal }),
  });
}

export function useResolveCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; note: string }) =>
      request(resolveCaseEndpoint, { params: { id: input.id }, body: { note: input.note } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['field-ops'] }),
  });
}

export function useDevices() {
  return useQuery({
    queryKey: ['field-ops', 'devices'],
    queryFn: ({ signal }) => request(devicesEndpoint, { signal }),
  });
}

export function useRevokeDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(revokeDeviceEndpoint, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['field-ops', 'devices'] }),
  });
}

/** GET /api/teams: the teams a case list can be narrowed to. */
export const fieldTeamsEndpoint = endpoint('GET', '/api/teams', TeamList);

export function useFieldTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => request(fieldTeamsEndpoint, { signal }),
    staleTime: 10 * 60_000,
  });
}
