import { PageHeader } from '../../../design/page-header';
import { CustomerOrderList } from '../../../features/orders/components/customer-order-list';
import { useI18n } from '../../../lib/i18n/i18n';
import { PortalShell } from '../shared/portal-shell';
import { RequireRole } from '../shared/require-role';

/** `/customer`: the customer's orders and how far each one is. */
export function Component() {
  const { t } = useI18n();
  return (
    <RequireRole portal="customer">
      {(user) => (
        <PortalShell title={t('customerPortal.portal')} user={user} nav={[{ to: '/customer', label: t('customerPortal.orders'), end: true }]} narrow>
          <PageHeader title={t('customerPortal.orders')} subtitle={t('customerPortal.greeting', { name: user.name })} />
          <CustomerOrderList />
        </PortalShell>
      )}
    </RequireRole>
  );
}
