import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/use-document-title';

/**
 * The h1 of a page: every page has exactly one, which is what screen-reader users jump to.
 * It also names the browser tab, so ten open customers are ten readable tabs.
 */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold text-ink">{title}</h1>
        {subtitle ? <p className="mt-1 text-sm text-ink-muted">{subtitle}</p> : null}
      </div>
      {actions}
    </div>
  );
}
