import { useQuery } from '@tanstack/react-query';
import { SessionResponse } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { isProblem, request, setCsrfToken } from '../../../lib/http/http-client';
import { sessionQueryKey, type Session } from './session-schema';

export const sessionEndpoint = endpoint('GET', '/api/auth/me', SessionResponse);

/** GET /api/auth/me. Not logged in is an answer (null), not an error. */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const session = await request(sessionEndpoint, { signal, allowUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isProblem(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    // The session changes only through login/logout, which update this cache themselves.
    staleTime: Infinity,
    retry: false,
  });
}
