import { Route, Routes } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { NotFound } from '../shared/not-found';
import { PortalShell } from '../shared/portal-shell';
import { RequireRole } from '../shared/require-role';
import { CustomerPage } from './customer-page';
import { CustomersPage } from './customers-page';
import { DashboardPage } from './dashboard-page';
import { OrderPage } from './order-page';
import { OrdersPage } from './orders-page';
import { OutboxPage } from './outbox-page';
import { LeadPage, LeadsPage, NewLeadPage } from './leads-pages';

/** `/ops/*`: operations, planners and admins. */
export function Component() {
  const { t } = useI18n();
  return (
    <RequireRole portal="ops">
      {(user) => {
        // The outbox endpoint and lead decisions are for admin and operations only; a planner would get 403.
        const canReadOutbox = user.role === 'admin' || user.role === 'operations';
        const nav = [
          { to: '/ops', label: t('ops.dashboard'), end: true },
          { to: '/ops/leads', label: t('leads.title') },
          { to: '/ops/customers', label: t('customers.title') },
          { to: '/ops/orders', label: t('orders.title') },
          ...(canReadOutbox ? [{ to: '/ops/outbox', label: t('outbox.title') }] : []),
        ];
        return (
          <PortalShell title={t('ops.portal')} user={user} nav={nav}>
            <Routes>
              <Route index element={<DashboardPage />} />
              <Route path="leads" element={<LeadsPage />} />
              {canReadOutbox ? <Route path="leads/new" element={<NewLeadPage />} /> : null}
              <Route path="leads/:id" element={<LeadPage canDecide={canReadOutbox} />} />
              <Route path="customers" element={<CustomersPage />} />
              <Route path="customers/:id" element={<CustomerPage />} />
              <Route path="orders" element={<OrdersPage />} />
              <Route path="orders/:id" element={<OrderPage />} />
              {canReadOutbox ? <Route path="outbox" element={<OutboxPage />} /> : null}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </PortalShell>
        );
      }}
    </RequireRole>
  );
}
