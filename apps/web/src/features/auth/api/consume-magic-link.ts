import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SessionResponse } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request, setCsrfToken } from '../../../lib/http/http-client';
import { sessionQueryKey, type Session } from './session-schema';

export const consumeMagicLinkEndpoint = endpoint('POST', '/api/auth/magic-link/consume', SessionResponse);

/** POST /api/auth/magic-link/consume -> session; 400 when the link was used, expired or unknown. */
export async function consumeMagicLink(token: string): Promise<Session> {
  const session = await request(consumeMagicLinkEndpoint, { body: { token }, allowUnauthorized: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useConsumeMagicLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: consumeMagicLink,
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
