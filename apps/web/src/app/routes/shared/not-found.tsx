import { useDocumentTitle } from '../../../lib/use-document-title';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';

export function NotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-2xl font-semibold">{t('notFound.title')}</h1>
      <p className="mt-2 text-ink-muted">{t('notFound.body')}</p>
      <Link to="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        {t('notFound.home')}
      </Link>
    </main>
  );
}
