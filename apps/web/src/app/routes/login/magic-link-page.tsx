import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { landingPath } from '../../../features/auth/api/landing';
import type { Session } from '../../../features/auth/api/session-schema';
import { ConsumeMagicLink } from '../../../features/auth/components/consume-magic-link';
import { useI18n } from '../../../lib/i18n/i18n';

/** `/login/link?token=...`: the page the customer's email links to. */
export function Component() {
  const { t } = useI18n();
  useDocumentTitle(t('magicLink.pageTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const onLoggedIn = useCallback((s: Session) => navigate(landingPath(s.user.role), { replace: true }), [navigate]);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-lg border border-line bg-panel p-6">
        <h1 className="mb-4 text-xl font-semibold">{t('magicLink.pageTitle')}</h1>
        <ConsumeMagicLink token={params.get('token')} onLoggedIn={onLoggedIn} />
      </div>
    </main>
  );
}
