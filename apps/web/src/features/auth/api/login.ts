import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LoginRequest, SessionResponse } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request, setCsrfToken } from '../../../lib/http/http-client';
import { sessionQueryKey, type Session } from './session-schema';

export const loginInputSchema = LoginRequest;
export type LoginInput = z.input<typeof LoginRequest>;

export const loginEndpoint = endpoint('POST', '/api/auth/login', SessionResponse);

/** POST /api/auth/login. 401 (wrong credentials) and 429 (throttled) reach the form as ProblemError. */
export async function login(input: LoginInput): Promise<Session> {
  const session = await request(loginEndpoint, { body: input, allowUnauthorized: true });
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
