import { useDocumentTitle } from '../../../lib/use-document-title';
import { Tabs } from 'radix-ui';
import { useCallback, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../design/language-switch';
import { Spinner } from '../../../design/status-message';
import { afterLoginPath } from '../../../features/auth/api/landing';
import { useSession } from '../../../features/auth/api/get-session';
import type { Session } from '../../../features/auth/api/session-schema';
import { LoginForm } from '../../../features/auth/components/login-form';
import { MagicLinkForm } from '../../../features/auth/components/magic-link-form';
import { useI18n } from '../../../lib/i18n/i18n';

// Radix switches tabs on mousedown; onClick as well, so a synthetic click (tests, assistive tech) works too.
const tabClass =
  'flex-1 border-b-2 border-transparent px-3 py-2 text-sm font-medium text-ink-muted data-[state=active]:border-brand-600 data-[state=active]:text-brand-800';

/** `/login`: staff, technicians and partners use a password; customers ask for a link. */
export function Component() {
  const { t } = useI18n();
  useDocumentTitle(t('login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const session = useSession();
  const [method, setMethod] = useState('password');
  const onLoggedIn = useCallback(
    (s: Session) => navigate(afterLoginPath(s.user.role, next), { replace: true }),
    [navigate, next],
  );

  if (session.isPending) return <Spinner label={t('common.loading')} />;
  if (session.data) return <Navigate to={afterLoginPath(session.data.user.role, next)} replace />;

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-lg border border-line bg-panel p-6 shadow-[var(--shadow-card)]">
        <div className="mb-4 flex items-center justify-between">
          <span className="text-xl font-bold text-brand-700">ChargeCars</span>
          <LanguageSwitch />
        </div>
        <h1 className="mb-4 text-2xl font-semibold">{t('login.title')}</h1>
        <Tabs.Root value={method} onValueChange={setMethod}>
          <Tabs.List className="mb-4 flex border-b border-line" aria-label={t('login.methods')}>
            <Tabs.Trigger value="password" className={tabClass} onClick={() => setMethod('password')}>
              {t('login.staffTab')}
            </Tabs.Trigger>
            <Tabs.Trigger value="link" className={tabClass} onClick={() => setMethod('link')}>
              {t('login.customerTab')}
            </Tabs.Trigger>
          </Tabs.List>
          {/* Each panel starts with a field: the panel itself need not be a tab stop (Radix makes it one). */}
          <Tabs.Content value="password" tabIndex={-1}>
            <LoginForm onLoggedIn={onLoggedIn} />
          </Tabs.Content>
          <Tabs.Content value="link" tabIndex={-1}>
            <MagicLinkForm />
          </Tabs.Content>
        </Tabs.Root>
      </div>
    </main>
  );
}
