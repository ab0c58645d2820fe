import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { CustomerOrderList } from '../../../features/orders/components/customer-order-list';
import { QuotesTable } from '../../../features/quotes/components/quotes-table';
import { QuoteDetailView } from '../../../features/quotes/components/quote-detail';
import { CustomerInvoiceList } from '../../../features/billing/components/customer-invoice-list';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';
import { PortalShell } from '../shared/portal-shell';
import { PortalRoutes, menuFor } from '../shared/portal-routes';
import { RequireRole } from '../shared/require-role';
import { customerPages } from '../portal-pages';

/** `/customer`: the customer's orders and how far each one is, their quotes (their part only) and invoices. */
export function Component() {
  const { t } = useI18n();
  return (
    <RequireRole portal="customer">
      {(user) => (
        <PortalShell title={t('customerPortal.portal')} user={user} narrow nav={menuFor(customerPages, user.role, t)}>
          <PortalRoutes
            base="/customer"
            pages={customerPages}
            role={user.role}
            elements={{
              '/customer': (
                <>
                  <PageHeader
                    title={t('customerPortal.orders')}
                    subtitle={t('customerPortal.greeting', { name: user.name })}
                  />
                  <CustomerOrderList />
                </>
              ),
              '/customer/quotes': <CustomerQuotes />,
              '/customer/quotes/:id': <CustomerQuote />,
              '/customer/invoices': (
                <>
                  <PageHeader title={t('invoices.title')} />
                  <CustomerInvoiceList />
                </>
              ),
            }}
          />
        </PortalShell>
      )}
    </RequireRole>
  );
}

const quoteHref = (id: string) => `/customer/quotes/${id}`;

function CustomerQuotes() {
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

function CustomerQuote() {
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
