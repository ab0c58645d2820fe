import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  RecordedToolEvent,
  RegisteredTool,
  Tool,
  ToolDetail,
  ToolReadiness,
  ToolRequirement,
} from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { Tool, ToolDetail, ToolReadiness };
export type InstallationType = 'survey' | 'installation' | 'meter_replacement';
export type ToolEvent = {
  kind: 'allocated' | 'inspection' | 'calibration' | 'usage' | 'maintenance';
  happenedOn: string;
  teamId?: string | null;
  result?: 'passed' | 'failed';
  note?: string;
};
export type NewTool = {
  type: string;
  serialNumber?: string;
  teamId?: string;
  inspectionIntervalMonths?: number;
  inspectionDueOn?: string;
  calibrationIntervalMonths?: number;
  calibrationDueOn?: string;
};

/** GET /api/inventory/tools: the register, with what is due. */
export const toolsEndpoint = endpoint('GET', '/api/inventory/tools', z.array(Tool));
/** POST /api/inventory/tools: a tool into the register. */
export const registerToolEndpoint = endpoint('POST', '/api/inventory/tools', RegisteredTool);
/** GET /api/inventory/tools/:id: one tool and its history. */
export const toolEndpoint = endpoint('GET', '/api/inventory/tools/:id', ToolDetail);
/** POST /api/inventory/tools/:id/events: an allocation, inspection, calibration, use or maintenance. */
export const toolEventEndpoint = endpoint('POST', '/api/inventory/tools/:id/events', RecordedToolEvent);

/** GET /api/inventory/tool-readiness: what each installation type needs, and per team what it lacks. */
export const toolReadinessEndpoint = endpoint('GET', '/api/inventory/tool-readiness', ToolReadiness);
/** PUT /api/inventory/tool-requirements: how many of a tool type an installation type needs (0: none). */
export const setToolRequirementEndpoint = endpoint('PUT', '/api/inventory/tool-requirements', ToolRequirement);

export function useToolReadiness() {
  return useQuery({
    queryKey: ['inventory', 'tools', 'readiness'],
    queryFn: ({ signal }) => request(toolReadinessEndpoint, { signal }),
  });
}

export function useSetToolRequirement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { installationType: InstallationType; toolType: string; quantity: number }) =>
      request(setToolRequirementEndpoint, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory', 'tools', 'readiness'] }),
  });
}

export function useTools(filters: { teamId?: string; due?: boolean }) {
  const query = { ...(filters.teamId ? { teamId: filters.teamId } : {}), ...(filters.due ? { due: 'true' } : {}) };
  return useQuery({
    queryKey: ['inventory', 'tools', query],
    queryFn: ({ signal }) => request(toolsEndpoint, { query, signal }),
  });
}

export function useRegisterTool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tool: NewTool) => request(registerToolEndpoint, { body: tool }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory', 'tools'] }),
  });
}

export function useTool(id: string) {
  return useQuery({
    queryKey: ['inventory', 'tool', id],
    queryFn: ({ signal }) => request(toolEndpoint, { params: { id }, signal }),
  });
}

export function useRecordToolEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (event: ToolEvent) => request(toolEventEndpoint, { params: { id }, body: event }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}
