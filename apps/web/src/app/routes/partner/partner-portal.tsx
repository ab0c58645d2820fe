import { Route, Routes, useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { OrderDetailView } from '../../../features/orders/components/order-detail';
import { OrdersTable } from '../../../features/orders/components/orders-table';
import { QuotesTable } from '../../../features/quotes/components/quotes-table';
import { QuoteDetailView } from '../../../features/quotes/components/quote-detail';
import { InvoicesTable } from '../../../features/billing/components/invoices-table';
import { CommissionStatementView } from '../../../features/billing/components/commission-statement';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';
import { NotFound } from '../shared/not-found';
import { PortalShell } from '../shared/portal-shell';
import { RequireRole } from '../shared/require-role';
import { ApiDocsPage, ApiKeysPage, ApiTesterPage, PartnerLeadPage, PartnerLeadsPage, WebhooksPage } from './integration-pages';

const orderHref = (id: string) => `/partner/orders/${id}`;

/** `/partner/*`: a partner's own orders and leads, and its integration: API keys, webhooks, docs, tester. */
export function Component() {
  const { t } = useI18n();
  return (
    <RequireRole portal="partner">
      {(user) => (
        <PortalShell title={user.partnerName ? `${t('partner.portal')} · ${user.partnerName}` : t('partner.portal')} user={user} nav={[
          { to: '/partner', label: t('orders.title'), end: true },
          { to: '/partner/quotes', label: t('quotes.title') },
          { to: '/partner/invoices', label: t('invoices.title') },
          { to: '/partner/commission', label: t('commission.title') },
          { to: '/partner/leads', label: t('leads.partnerTitle') },
          { to: '/partner/api-keys', label: t('apiKeys.title') },
          { to: '/partner/webhooks', label: t('webhooks.title') },
          { to: '/partner/api-docs', label: t('apiDocs.title') },
          { to: '/partner/api-tester', label: t('apiTester.title') },
        ]}>
          <Routes>
            <Route index element={<PartnerOrders />} />
            <Route path="orders/:id" element={<PartnerOrder />} />
            <Route path="quotes" element={<PartnerQuotes />} />
            <Route path="quotes/:id" element={<PartnerQuote />} />
            <Route path="invoices" element={<><PageHeader title={t('invoices.title')} /><InvoicesTable /></>} />
            <Route path="commission" element={<><PageHeader title={t('commission.title')} /><CommissionStatementView partnerId={user.partnerId ?? ''} /></>} />
            <Route path="leads" element={<PartnerLeadsPage />} />
            <Route path="leads/:id" element={<PartnerLeadPage />} />
            <Route path="api-keys" element={<ApiKeysPage partnerId={user.partnerId ?? ''} />} />
            <Route path="webhooks" element={<WebhooksPage partnerId={user.partnerId ?? ''} />} />
            <Route path="api-docs" element={<ApiDocsPage />} />
            <Route path="api-tester" element={<ApiTesterPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </PortalShell>
      )}
    </RequireRole>
  );
}

function PartnerOrders() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50, sort: '-createdAt' });
  return (
    <>
      <PageHeader title={t('partner.orders')} />
      <OrdersTable params={list.params} orderHref={orderHref} showPartner={false} onPageChange={list.setPage} onPageSizeChange={list.setPageSize} onSortChange={list.setSort} onSearchChange={list.setQuery} />
    </>
  );
}

function PartnerOrder() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return <OrderDetailView key={id} orderId={id} ownSide="partner" above={(o) => <Breadcrumbs items={[{ label: t('partner.orders'), to: '/partner' }, { label: o.number }]} />} />;
}

const quoteHref = (id: string) => `/partner/quotes/${id}`;

function PartnerQuotes() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50, sort: '-createdAt' });
  return (
    <>
      <PageHeader title={t('quotes.title')} />
      <QuotesTable params={list.params} quoteHref={quoteHref} ownSide="partner" onPageChange={list.setPage} onPageSizeChange={list.setPageSize} onSortChange={list.setSort} onSearchChange={list.setQuery} />
    </>
  );
}

function PartnerQuote() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return <QuoteDetailView key={id} quoteId={id} staff={false} ownSide="partner" orderHref={orderHref} above={(q) => <Breadcrumbs items={[{ label: t('quotes.title'), to: '/partner/quotes' }, { label: q.number }]} />} />;
}
