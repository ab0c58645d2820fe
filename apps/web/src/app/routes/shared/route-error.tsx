import { Component, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useI18n } from '../../../lib/i18n/i18n';

/** Last line of defence: a failed lazy import (new deploy) or a render bug shows a way out, never a stack trace. */
export function RouteError() {
  const { t } = useI18n();
  useDocumentTitle(t('error.title'));
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

type BoundaryProps = { resetKey: string; children: ReactNode };

/** Shows `RouteError` for an error in the pages below, until the person goes to another page. */
export class RouteErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    // Logged for developers; the user sees only the friendly text.
    console.error(error);
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}
