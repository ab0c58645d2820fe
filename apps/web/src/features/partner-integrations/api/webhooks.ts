import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ReplayResult,
  TestEventSent,
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveryList,
  WebhookEndpoint as WebhookEndpointSchema,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
} from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export { WEBHOOK_EVENT_TYPES };
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const listWebhookEndpointsEndpoint = endpoint('GET', '/api/partners/:id/webhook-endpoints', WebhookEndpointList);
export const createWebhookEndpointEndpoint = endpoint(
  'POST',
  '/api/partners/:id/webhook-endpoints',
  WebhookEndpointWithSecret,
);
export const updateWebhookEndpointEndpoint = endpoint(
  'PATCH',
  '/api/partners/:id/webhook-endpoints/:endpointId',
  WebhookEndpointSchema,
);
export const rotateWebhookSecretEndpoint = endpoint(
  'POST',
  '/api/partners/:id/webhook-endpoints/:endpointId/rotate-secret',
  WebhookEndpointWithSecret,
);
export const sendTestEventEndpoint = endpoint(
  'POST',
  '/api/partners/:id/webhook-endpoints/:endpointId/test',
  TestEventSent,
);
export const listDeliveriesEndpoint = endpoint(
  'GET',
  '/api/partners/:id/webhook-endpoints/:endpointId/deliveries',
  WebhookDeliveryList,
);
export const replayDeliveryEndpoint = endpoint(
  'POST',
  '/api/partners/:id/webhook-deliveries/:deliveryId/replay',
  ReplayResult,
);
export const replaySinceEndpoint = endpoint(
  'POST',
  '/api/partners/:id/webhook-endpoints/:endpointId/replay',
  ReplayResult,
);

const key = (partnerId: string) => ['partner', partnerId, 'webhooks'];

export function useWebhookEndpoints(partnerId: string) {
  return useQuery({
    queryKey: key(partnerId),
    queryFn: ({ signal }) => request(listWebhookEndpointsEndpoint, { params: { id: partnerId }, signal }),
  });
}

export function useDeliveries(partnerId: string, endpointId: string) {
  return useQuery({
    queryKey: [...key(partnerId), endpointId, 'deliveries'],
    queryFn: ({ signal }) =>
      request(listDeliveriesEndpoint, { params: { id: partnerId, endpointId }, signal, query: { limit: 50 } }),
    refetchInterval: 5_000,
  });
}

export function useWebhookActions(partnerId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key(partnerId) });
  const ids = (endpointId: string) => ({ id: partnerId, endpointId });
  return {
    create: useMutation({
      mutationFn: (input: { url: string; eventTypes: string[] }) =>
        request(createWebhookEndpointEndpoint, { params: { id: partnerId }, body: input }),
      onSuccess: refresh,
    }),
    setEnabled: useMutation({
      mutationFn: (v: { id: string; enabled: boolean }) =>
        request(updateWebhookEndpointEndpoint, { params: ids(v.id), body: { enabled: v.enabled } }),
      onSuccess: refresh,
    }),
    rotate: useMutation({
      mutationFn: (id: string) => request(rotateWebhookSecretEndpoint, { params: ids(id) }),
      onSuccess: refresh,
    }),
    test: useMutation({
      mutationFn: (id: string) => request(sendTestEventEndpoint, { params: ids(id) }),
      onSuccess: refresh,
    }),
    replayOne: useMutation({
      mutationFn: (deliveryId: string) => request(replayDeliveryEndpoint, { params: { id: partnerId, deliveryId } }),
      onSuccess: refresh,
    }),
    replaySince: useMutation({
      mutationFn: (v: { id: string; since: string }) =>
        request(replaySinceEndpoint, { params: ids(v.id), body: { since: v.since } }),
      onSuccess: refresh,
    }),
  };
}
