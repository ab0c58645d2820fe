import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiKey as ApiKeySchema, ApiKeyList, ApiKeyWithSecret, ApiScope } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type ApiKey = z.infer<typeof ApiKeySchema>;
export const API_SCOPES = ApiScope.options;

export const listApiKeysEndpoint = endpoint('GET', '/api/partners/:id/api-keys', ApiKeyList);
/** Create, rotate and revoke; create and rotate answer with the secret, shown once. */
export const createApiKeyEndpoint = endpoint('POST', '/api/partners/:id/api-keys', ApiKeyWithSecret);
export const rotateApiKeyEndpoint = endpoint('POST', '/api/partners/:id/api-keys/:keyId/rotate', ApiKeyWithSecret);
export const revokeApiKeyEndpoint = endpoint('POST', '/api/partners/:id/api-keys/:keyId/revoke', ApiKeySchema);

const key = (partnerId: string) => ['partner', partnerId, 'api-keys'];

export function useApiKeys(partnerId: string) {
  return useQuery({
    queryKey: key(partnerId),
    queryFn: ({ signal }) => request(listApiKeysEndpoint, { params: { id: partnerId }, signal }),
  });
}

export function useApiKeyActions(partnerId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key(partnerId) });
  return {
    create: useMutation({
      mutationFn: (input: { name: string; scopes: string[] }) =>
        request(createApiKeyEndpoint, { params: { id: partnerId }, body: input }),
      onSuccess: refresh,
    }),
    rotate: useMutation({
      mutationFn: (keyId: string) => request(rotateApiKeyEndpoint, { params: { id: partnerId, keyId } }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (keyId: string) => request(revokeApiKeyEndpoint, { params: { id: partnerId, keyId } }),
      onSuccess: refresh,
    }),
  };
}
