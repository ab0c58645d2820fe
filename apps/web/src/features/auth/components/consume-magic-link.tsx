import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useConsumeMagicLink } from '../api/consume-magic-link';
import type { Session } from '../api/session-schema';

/** Trades the token from the email for a session, exactly once (a token is single use). */
export function ConsumeMagicLink({
  token,
  onLoggedIn,
}: {
  token: string | null;
  onLoggedIn: (session: Session) => void;
}) {
  const { t } = useI18n();
  const consume = useConsumeMagicLink();
  // StrictMode runs effects twice in development; a second POST would find the token used.
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    consume.mutate(token, { onSuccess: onLoggedIn });
  }, [token, consume, onLoggedIn]);

  if (!token || consume.isError) {
    return (
      <div className="flex flex-col gap-3">
        <Notice tone="error">{t('magicLink.invalid')}</Notice>
        <Link to="/login" className="text-sm font-medium text-brand-700 underline">
          {t('magicLink.requestNew')}
        </Link>
      </div>
    );
  }
  return <Spinner label={t('magicLink.consuming')} />;
}
