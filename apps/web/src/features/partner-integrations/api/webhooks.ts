import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

export const WEBHOOK_EVENT_TYPES = ['lead.received', 'lead.qualified', 'lead.rejected', 'quote.sent', 'quote.signed', 'order.created', 'visit.scheduled', 'visit.completed', 'order.completed', 'invoice.issued'] as const;

const endpointSchema = z.object({ id: z.string(), url: z.string(), description: z.nullable(z.string()), eventTypes: z.array(z.string()), enabled: z.boolean(), disabledReason: z.nullable(z.string()), failingSince: z.nullable(z.string()), createdAt: z.string(), secretRotatingUntil: z.nullable(z.string()) });
const withSecret = z.extend(endpointSchema, { secret: z.string() });
export type WebhookEndpoint = z.infer<typeof endpointSchema>;
const deliverySchema = z.object({
  id: z.string(), messageId: z.string(), eventType: z.string(), state: z.string(), attempts: z.number(), nextAttemptAt: z.nullable(z.string()), createdAt: z.string(),
  attemptLog: z.array(z.object({ at: z.string(), responseStatus: z.nullable(z.number()), responseBodyExcerpt: z.nullable(z.string()), error: z.nullable(z.string()), durationMs: z.number() })),
});
const replayed = z.object({ replayed: z.number() });

const base = (partnerId: string) => `/api/partners/${encodeURIComponent(partnerId)}/webhook-endpoints`;
const key = (partnerId: string) => ['partner', partnerId, 'webhooks'];

export function useWebhookEndpoints(partnerId: string) {
  return useQuery({ queryKey: key(partnerId), queryFn: ({ signal }) => request(base(partnerId), z.object({ items: z.array(endpointSchema) }), { signal }) });
}

export function useDeliveries(partnerId: string, endpointId: string) {
  return useQuery({ queryKey: [...key(partnerId), endpointId, 'deliveries'], queryFn: ({ signal }) => request(`${base(partnerId)}/${endpointId}/deliveries`, z.object({ items: z.array(deliverySchema) }), { signal, query: { limit: 50 } }), refetchInterval: 5_000 });
}

export function useWebhookActions(partnerId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key(partnerId) });
  return {
    create: useMutation({ mutationFn: (input: { url: string; eventTypes: string[] }) => request(base(partnerId), withSecret, { method: 'POST', body: input }), onSuccess: refresh }),
    setEnabled: useMutation({ mutationFn: (v: { id: string; enabled: boolean }) => request(`${base(partnerId)}/${v.id}`, endpointSchema, { method: 'PATCH', body: { enabled: v.enabled } }), onSuccess: refresh }),
    rotate: useMutation({ mutationFn: (id: string) => request(`${base(partnerId)}/${id}/rotate-secret`, withSecret, { method: 'POST' }), onSuccess: refresh }),
    test: useMutation({ mutationFn: (id: string) => request(`${base(partnerId)}/${id}/test`, z.object({ deliveryId: z.string() }), { method: 'POST' }), onSuccess: refresh }),
    replayOne: useMutation({ mutationFn: (deliveryId: string) => request(`/api/partners/${encodeURIComponent(partnerId)}/webhook-deliveries/${deliveryId}/replay`, replayed, { method: 'POST' }), onSuccess: refresh }),
    replaySince: useMutation({ mutationFn: (v: { id: string; since: string }) => request(`${base(partnerId)}/${v.id}/replay`, replayed, { method: 'POST', body: { since: v.since } }), onSuccess: refresh }),
  };
}
