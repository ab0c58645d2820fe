import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const apiKeySchema = z.object({ id: z.string(), name: z.string(), prefix: z.string(), scopes: z.array(z.string()), createdAt: z.string(), lastUsedAt: z.nullable(z.string()), revokedAt: z.nullable(z.string()), active: z.boolean() });
const withSecret = z.extend(apiKeySchema, { secret: z.string() });
export type ApiKey = z.infer<typeof apiKeySchema>;
export const API_SCOPES = ['leads:write', 'leads:read', 'orders:write', 'performance:read', 'webhooks:manage'] as const;

const base = (partnerId: string) => `/api/partners/${encodeURIComponent(partnerId)}/api-keys`;
const key = (partnerId: string) => ['partner', partnerId, 'api-keys'];

export function useApiKeys(partnerId: string) {
  return useQuery({ queryKey: key(partnerId), queryFn: ({ signal }) => request(base(partnerId), z.object({ items: z.array(apiKeySchema) }), { signal }) });
}

/** Create, rotate and revoke; create and rotate answer with the secret, shown once. */
export function useApiKeyActions(partnerId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key(partnerId) });
  return {
    create: useMutation({ mutationFn: (input: { name: string; scopes: string[] }) => request(base(partnerId), withSecret, { method: 'POST', body: input }), onSuccess: refresh }),
    rotate: useMutation({ mutationFn: (id: string) => request(`${base(partnerId)}/${id}/rotate`, withSecret, { method: 'POST' }), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: (id: string) => request(`${base(partnerId)}/${id}/revoke`, apiKeySchema, { method: 'POST' }), onSuccess: refresh }),
  };
}
