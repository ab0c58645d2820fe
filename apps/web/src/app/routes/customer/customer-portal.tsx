import { lazy } from 'react';
import { PageHeader } from '../../../design/page-header';
import { CustomerOrderList } from '../../../features/orders/components/customer-order-list';
import { addDutchMessages, useI18n } from '../../../lib/i18n/i18n';
import { PortalShell } from '../shared/portal-shell';
import { PortalRoutes, menuFor } from '../shared/portal-routes';
import { RequireRole } from '../shared/require-role';
import { customerPages } from '../portal-pages';
import { nlCustomerTexts } from '../../../lib/i18n/messages-nl-customer';

// The office portals' own texts, before any of their screens renders (the shell has only its own).
addDutchMessages(nlCustomerTexts);

// The orders come first; quotes and invoices are a chunk of their own, loaded when opened, so a
// customer's first screen on a phone waits for less (issue 16).
const CustomerQuotes = lazy(() => import('./customer-documents').then((m) => ({ default: m.CustomerQuotes })));
const CustomerQuote = lazy(() => import('./customer-documents').then((m) => ({ default: m.CustomerQuote })));
const CustomerInvoices = lazy(() => import('./customer-documents').then((m) => ({ default: m.CustomerInvoices })));

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
              '/customer/invoices': <CustomerInvoices />,
            }}
          />
        </PortalShell>
      )}
    </RequireRole>
  );
}
