import { Route, Routes } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { NotFound } from '../shared/not-found';
import { PortalShell } from '../shared/portal-shell';
import { RequireRole } from '../shared/require-role';
import { AdminPage } from './admin-page';
import { PartnerPage, PartnersPage } from './partners-pages';
import { CustomerPage } from './customer-page';
import { CustomersPage } from './customers-page';
import { DashboardPage } from './dashboard-page';
import { OrderPage } from './order-page';
import { OrdersPage } from './orders-page';
import { OutboxPage } from './outbox-page';
import { QuotesPage } from './quotes-page';
import { QuoteNewPage } from './quote-new-page';
import { QuotePage } from './quote-page';
import { FinancePage, InvoicesPage } from './finance-pages';
import { LeadPage, LeadsPage, NewLeadPage } from './leads-pages';

/** `/ops/*`: operations, planners and admins. */
export function Component() {
  const { t } = useI18n();
  return (
    <RequireRole portal="ops">
      {(user) => {
        // The outbox, lead decisions and partners' keys and webhooks are for admin and operations; a planner would get 403.
        const manages = user.role === 'admin' || user.role === 'operations';
        // Quotes are made, and invoices and the P&L read, by admin and operations; planners read quotes.
        const finance = manages;
        const nav = [
          { to: '/ops', label: t('ops.dashboard'), end: true },
          { to: '/ops/leads', label: t('leads.title') },
          { to: '/ops/customers', label: t('customers.title') },
          { to: '/ops/orders', label: t('orders.title') },
          ...(manages ? [{ to: '/ops/partners', label: t('partners.title') }] : []),
          { to: '/ops/quotes', label: t('quotes.title') },
          ...(finance ? [{ to: '/ops/invoices', label: t('invoices.title') }, { to: '/ops/finance', label: t('pnl.title') }] : []),
          ...(manages ? [{ to: '/ops/outbox', label: t('outbox.title') }] : []),
          ...(user.role === 'admin' ? [{ to: '/ops/admin', label: t('admin.title') }] : []),
        ];
        return (
          <PortalShell title={t('ops.portal')} user={user} nav={nav}>
            <Routes>
              <Route index element={<DashboardPage />} />
              <Route path="leads" element={<LeadsPage />} />
              {manages ? <Route path="leads/new" element={<NewLeadPage />} /> : null}
              <Route path="leads/:id" element={<LeadPage canDecide={manages} />} />
              <Route path="customers" element={<CustomersPage />} />
              <Route path="customers/:id" element={<CustomerPage canQuote={finance} />} />
              <Route path="orders" element={<OrdersPage />} />
              <Route path="orders/:id" element={<OrderPage />} />
              {manages ? <Route path="partners" element={<PartnersPage />} /> : null}
              {manages ? <Route path="partners/:id" element={<PartnerPage />} /> : null}
              <Route path="quotes" element={<QuotesPage canCreate={finance} />} />
              {finance ? <Route path="quotes/new" element={<QuoteNewPage />} /> : null}
              <Route path="quotes/:id" element={<QuotePage staff={finance} />} />
              {finance ? <Route path="invoices" element={<InvoicesPage />} /> : null}
              {finance ? <Route path="finance" element={<FinancePage />} /> : null}
              {manages ? <Route path="outbox" element={<OutboxPage />} /> : null}
              {user.role === 'admin' ? <Route path="admin" element={<AdminPage />} /> : null}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </PortalShell>
        );
      }}
    </RequireRole>
  );
}
