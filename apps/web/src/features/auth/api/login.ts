import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request, setCsrfToken } from '../../../lib/http/http-client';
import { sessionQueryKey, sessionSchema, type Session } from './session-schema';

export const loginInputSchema = z.object({
  email: z.email(),
  password: z.string().check(z.minLength(1)),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

/** POST /api/auth/login. 401 (wrong credentials) and 429 (throttled) reach the form as ProblemError. */
export async function login(input: LoginInput): Promise<Session> {
  const session = await request('/api/auth/login', sessionSchema, { method: 'POST', body: input, allowUnauthorized: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // A different user may log in on the same tab: nothing cached for the previous one may show.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
