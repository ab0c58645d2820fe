import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { QuotesTable } from '../../../features/quotes/components/quotes-table';
import { QuoteDetailView } from '../../../features/quotes/components/quote-detail';
import { CustomerInvoiceList } from '../../../features/billing/components/customer-invoice-list';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';

/** The customer's quotes (their part only) and invoices: pages of the customer portal loaded when opened. */
const quoteHref = (id: string) => `/customer/quotes/${id}`;

export function CustomerQuotes() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 25, sort: '-createdAt' });
  return (
    <>
      <PageHeader title={t('quotes.title')} />
      <QuotesTable
        params={list.params}
        quoteHref={quoteHref}
        ownSide="customer"
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSortChange={list.setSort}
        onSearchChange={list.setQuery}
      />
    </>
  );
}

export function CustomerQuote() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <QuoteDetailView
      key={id}
      quoteId={id}
      staff={false}
      ownSide="customer"
      above={(q) => <Breadcrumbs items={[{ label: t('quotes.title'), to: '/customer/quotes' }, { label: q.number }]} />}
    />
  );
}

export function CustomerInvoices() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('invoices.title')} />
      <CustomerInvoiceList />
    </>
  );
}
