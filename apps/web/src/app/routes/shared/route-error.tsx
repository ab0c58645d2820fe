import { useDocumentTitle } from '../../../lib/use-document-title';
import { Link, useRouteError } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';

/** Last line of defence: a failed lazy import (new deploy) or a render bug shows a way out, never a stack trace. */
export function RouteError() {
  const { t } = useI18n();
  useDocumentTitle(t('error.title'));
  const error = useRouteError();
  // Logged for developers; the user sees only the friendly text.
  console.error(error);
  return (
    <main className="mx-auto max-w-md p-8 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{t('error.title')}</h1>
      <p className="mt-2 text-ink-muted">{t('error.body')}</p>
      <div className="mt-4 flex justify-center gap-4">
        <button type="button" className="font-medium text-brand-700 underline" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
        <Link to="/" className="font-medium text-brand-700 underline">
          {t('notFound.home')}
        </Link>
      </div>
    </main>
  );
}
