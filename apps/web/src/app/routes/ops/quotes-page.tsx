import { Link } from 'react-router';
import { PageHeader } from '../../../design/page-header';
import { QuotesTable } from '../../../features/quotes/components/quotes-table';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';

const quoteHref = (id: string) => `/ops/quotes/${id}`;

export function QuotesPage({ canCreate }: { canCreate: boolean }) {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50, sort: '-createdAt' });
  return (
    <>
      <PageHeader
        title={t('quotes.title')}
        actions={
          canCreate ? (
            <Link className="text-sm font-medium text-brand-700 hover:underline" to="/ops/quotes/new">
              {t('quotes.new')}
            </Link>
          ) : null
        }
      />
      <QuotesTable
        params={list.params}
        quoteHref={quoteHref}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSortChange={list.setSort}
        onSearchChange={list.setQuery}
      />
    </>
  );
}
