import type { SessionResponse } from '@chargecars/contract';
import type { z } from 'zod';
import type { SessionUser } from './sessions.ts';

/** The names of the user's partner and team: the server passes a read model in, since the platform comes before the modules that own them. */
export type ScopeNames = (user: {
  partnerId: string | null;
  teamId: string | null;
}) => Promise<{ partnerName: string | null; teamName: string | null }>;

/** The session as the web app reads it: GET /api/auth/me, login, and the session written into index.html. */
export async function sessionResponse(
  user: SessionUser,
  csrfToken: string,
  scopeNames: ScopeNames,
): Promise<z.input<typeof SessionResponse>> {
  const { partnerName, teamName } = await scopeNames(user);
  return {
    user: {
      id: user.userId,
      email: user.email,
      name: user.name,
      role: user.role,
      locale: user.locale,
      partnerId: user.partnerId,
      partnerName,
      teamId: user.teamId,
      teamName,
      customerId: user.customerId,
    },
    csrfToken,
  };
}
