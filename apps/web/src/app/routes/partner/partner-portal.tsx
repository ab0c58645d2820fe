import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { OrderDetailView } from '../../../features/orders/components/order-detail';
import { OrdersTable } from '../../../features/orders/components/orders-table';
import { QuotesTable } from '../../../features/quotes/components/quotes-table';
import { QuoteDetailView } from '../../../features/quotes/components/quote-detail';
import { InvoicesTable } from '../../../features/billing/components/invoices-table';
import { CommissionStatementView } from '../../../features/billing/components/commission-statement';
import { WholesaleAvailabilityView } from '../../../features/inventory/components/wholesale-availability';
import { addDutchMessages, useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';
import { PortalShell } from '../shared/portal-shell';
import { PortalRoutes, menuFor } from '../shared/portal-routes';
import { RequireRole } from '../shared/require-role';
import { partnerPages } from '../portal-pages';
import {
  ApiDocsPage,
  ApiKeysPage,
  ApiTesterPage,
  MailSettingsPage,
  PartnerLeadPage,
  PartnerLeadsPage,
  WebhooksPage,
} from './integration-pages';
import { nlPortalExtras } from '../../../lib/i18n/messages-nl-portal-extras';

// The office portals' own texts, before any of their screens renders (the shell has only its own).
addDutchMessages(nlPortalExtras);

const orderHref = (id: string) => `/partner/orders/${id}`;

/** `/partner/*`: a partner's own orders and leads, and its integration: API keys, webhooks, docs, tester. */
export function Component() {
  const { t } = useI18n();
  return (
    <RequireRole portal="partner">
      {(user) => (
        <PortalShell
          title={user.partnerName ? `${t('partner.portal')} · ${user.partnerName}` : t('partner.portal')}
          user={user}
          nav={menuFor(partnerPages, user.role, t)}
        >
          <PortalRoutes
            base="/partner"
            pages={partnerPages}
            role={user.role}
            elements={{
              '/partner': <PartnerOrders />,
              '/partner/orders/:id': <PartnerOrder />,
              '/partner/quotes': <PartnerQuotes />,
              '/partner/quotes/:id': <PartnerQuote />,
              '/partner/invoices': <PartnerInvoices />,
              '/partner/commission': (
                <>
                  <PageHeader title={t('commission.title')} />
                  <CommissionStatementView partnerId={user.partnerId ?? ''} />
                </>
              ),
              '/partner/availability': (
                <>
                  <PageHeader title={t('inventory.wholesale.title')} />
                  <WholesaleAvailabilityView />
                </>
              ),
              '/partner/leads': <PartnerLeadsPage />,
              '/partner/leads/:id': <PartnerLeadPage />,
              '/partner/api-keys': <ApiKeysPage partnerId={user.partnerId ?? ''} />,
              '/partner/webhooks': <WebhooksPage partnerId={user.partnerId ?? ''} />,
              '/partner/mail-settings': <MailSettingsPage partnerId={user.partnerId ?? ''} />,
              '/partner/api-docs': <ApiDocsPage />,
              '/partner/api-tester': <ApiTesterPage />,
            }}
          />
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
      <OrdersTable
        params={list.params}
        orderHref={orderHref}
        showPartner={false}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSortChange={list.setSort}
        onSearchChange={list.setQuery}
      />
    </>
  );
}

function PartnerOrder() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <OrderDetailView
      key={id}
      orderId={id}
      ownSide="partner"
      above={(o) => <Breadcrumbs items={[{ label: t('partner.orders'), to: '/partner' }, { label: o.number }]} />}
    />
  );
}

const quoteHref = (id: string) => `/partner/quotes/${id}`;

function PartnerQuotes() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50, sort: '-createdAt' });
  return (
    <>
      <PageHeader title={t('quotes.title')} />
      <QuotesTable
        params={list.params}
        quoteHref={quoteHref}
        ownSide="partner"
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSortChange={list.setSort}
        onSearchChange={list.setQuery}
      />
    </>
  );
}

function PartnerQuote() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <QuoteDetailView
      key={id}
      quoteId={id}
      staff={false}
      ownSide="partner"
      orderHref={orderHref}
      above={(q) => <Breadcrumbs items={[{ label: t('quotes.title'), to: '/partner/quotes' }, { label: q.number }]} />}
    />
  );
}

const partnerOrderHref = (id: string) => `/partner/orders/${id}`;

/** `/partner/invoices`: what the partner pays, searchable, each with its order. */
function PartnerInvoices() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50 });
  return (
    <>
      <PageHeader title={t('invoices.title')} />
      <InvoicesTable
        params={list.params}
        orderHref={partnerOrderHref}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSearchChange={list.setQuery}
      />
    </>
  );
}
