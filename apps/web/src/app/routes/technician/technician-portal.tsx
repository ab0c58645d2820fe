import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spinner } from '../../../design/status-message';
import { landingPath, loginPathFrom, portalForRole } from '../../../features/auth/api/landing';
import { getSession, useSession } from '../../../features/auth/api/get-session';
import { logout } from '../../../features/auth/api/logout';
import { FieldApp } from '../../../features/field/components/field-app';
import { getMeta, setMeta, type FieldUser } from '../../../features/field/store/field-db';
import { setSessionRefresher } from '../../../features/field/store/sync-engine';
import { useLive } from '../../../features/field/store/use-live';
import { useI18n } from '../../../lib/i18n/i18n';

setSessionRefresher(async () => (await getSession()) !== null);

/**
 * `/technician`: the offline-first technician app. Online, the session decides who this is and is
 * remembered on the phone; while the session is being checked, and without a network (a failed session
 * check, not a 401), the remembered technician opens the phone's own copy of the week.
 */
export function Component() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const remembered = useLive(async () => (await getMeta<FieldUser>('user')) ?? null, 'user');
  const user = session.data?.user;
  useEffect(() => {
    if (user && user.role === 'technician')
      void setMeta('user', { id: user.id, name: user.name, teamName: user.teamName ?? null });
  }, [user]);
  // While the session is checked (a later load comes from the service worker's copy, without the
  // session in the page) the phone's own week shows at once, as it does offline; a 401 still ends it.
  if ((session.isPending || session.isError) && remembered)
    return <FieldApp name={remembered.name} teamName={remembered.teamName} onLogout={logout} />;
  if (session.isPending || (session.isError && remembered === undefined))
    return <Spinner label={t('common.loading')} />;
  if (session.isError) return <Navigate to={loginPathFrom(location)} replace />;
  if (!user) return <Navigate to={loginPathFrom(location)} replace />;
  if (portalForRole(user.role) !== 'technician') return <Navigate to={landingPath(user.role)} replace />;
  return <FieldApp name={user.name} teamName={user.teamName ?? null} onLogout={logout} />;
}
