import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request, setCsrfToken } from '../../../lib/http/http-client';
import { sessionQueryKey, sessionSchema, type Session } from './session-schema';

/** POST /api/auth/magic-link/consume -> session; 400 when the link was used, expired or unknown. */
export async function consumeMagicLink(token: string): Promise<Session> {
  const session = await request('/api/auth/magic-link/consume', sessionSchema, { method: 'POST', body: { token }, allowUnauthorized: true });
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
