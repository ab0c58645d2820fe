import { Navigate } from 'react-router';
import { Spinner } from '../../../design/status-message';
import { landingPath } from '../../../features/auth/api/landing';
import { useSession } from '../../../features/auth/api/get-session';
import { useI18n } from '../../../lib/i18n/i18n';

/** `/` goes to the user's own portal, or to the login page. */
export function HomeRedirect() {
  const { t } = useI18n();
  const session = useSession();
  if (session.isPending) return <Spinner label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  return <Navigate to={landingPath(session.data.user.role)} replace />;
}
