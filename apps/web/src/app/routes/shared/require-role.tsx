import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spinner } from '../../../design/status-message';
import { landingPath, loginPathFrom, portalForRole, type Portal } from '../../../features/auth/api/landing';
import { useSession } from '../../../features/auth/api/get-session';
import type { User } from '../../../features/auth/api/session-schema';
import { useI18n } from '../../../lib/i18n/i18n';

/**
 * Lets only the roles of one portal in. Not logged in -> /login; logged in with another
 * role -> that role's own portal. The server enforces the same rules on every call; this
 * only keeps people out of screens that would answer 403.
 */
export function RequireRole({ portal, children }: { portal: Portal; children: (user: User) => ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Spinner label={t('common.loading')} />;
  if (!session.data) return <Navigate to={loginPathFrom(location)} replace />;
  const { user } = session.data;
  if (portalForRole(user.role) !== portal) return <Navigate to={landingPath(user.role)} replace />;
  return <>{children(user)}</>;
}
