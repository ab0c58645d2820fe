import { useState } from 'react';
import { Button } from '../../../design/button';
import { ErrorNotice } from '../../../design/error-notice';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useInvoices } from '../api/list-invoices';
import { InvoiceFiles } from './invoices-table';

const PAGE_SIZE = 25;

/**
 * A customer's invoices as a list of cards: what they pay, by when, what is still open, and the files.
 * A table of ten columns does not fit a phone, and customers read this on one.
 */
export function CustomerInvoiceList() {
  const { t, label, formatCents, formatDate } = useI18n();
  const [page, setPage] = useState(1);
  const query = useInvoices({ page, pageSize: PAGE_SIZE });
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { items, total } = query.data;
  if (!items.length) return <p className="text-sm text-ink-muted">{t('invoices.noneYet')}</p>;
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-3" aria-label={t('invoices.title')}>
        {items.map((i) => (
          <li key={i.id} className="rounded-lg border border-line bg-panel p-3 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <span className="font-mono font-medium break-all">
                {label('invoiceKind', i.kind)} {i.number}
              </span>
              <span className="text-ink-muted">{label('invoiceStatus', i.status)}</span>
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1">
              <dt className="text-ink-muted">{t('invoices.issueDate')}</dt>
              <dd className="text-right">{formatDate(i.issueDate)}</dd>
              {i.kind === 'invoice' ? (
                <>
                  <dt className="text-ink-muted">{t('invoices.dueDate')}</dt>
                  <dd className="text-right">{formatDate(i.dueDate)}</dd>
                </>
              ) : null}
              <dt className="text-ink-muted">{t('invoices.total')}</dt>
              <dd className="text-right tabular-nums">{formatCents(i.totalCents)}</dd>
              {i.kind === 'invoice' ? (
                <>
                  <dt className="text-ink-muted">{t('invoices.open')}</dt>
                  <dd className="text-right font-medium tabular-nums">{formatCents(i.openCents)}</dd>
                </>
              ) : null}
            </dl>
            <div className="mt-2">
              <InvoiceFiles id={i.id} />
            </div>
          </li>
        ))}
      </ul>
      {total > PAGE_SIZE ? (
        <nav className="flex items-center justify-between gap-2 text-sm" aria-label={t('table.pagination')}>
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('table.previous')}
          </Button>
          <span>{t('table.pageOf', { page, pages: Math.ceil(total / PAGE_SIZE) })}</span>
          <Button variant="secondary" size="sm" disabled={page * PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>
            {t('table.next')}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
