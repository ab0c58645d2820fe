import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoint } from '../../../lib/http/endpoint';
import { requestVoid, setCsrfToken } from '../../../lib/http/http-client';
import { sessionQueryKey } from './session-schema';

/** POST /api/auth/logout -> 204. */
export const logoutEndpoint = endpoint('POST', '/api/auth/logout', null);

export async function logout(): Promise<void> {
  await requestVoid(logoutEndpoint, { allowUnauthorized: true });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Forget the session locally even if the server call failed: the user asked to leave.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
