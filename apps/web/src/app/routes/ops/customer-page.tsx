import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { CustomerDetailView } from '../../../features/customers/components/customer-detail';
import { useI18n } from '../../../lib/i18n/i18n';

const orderHref = (id: string) => `/ops/orders/${id}`;

export function CustomerPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <CustomerDetailView
      key={id}
      customerId={id}
      orderHref={orderHref}
      above={(c) => <Breadcrumbs items={[{ label: t('ops.dashboard'), to: '/ops' }, { label: t('customers.title'), to: '/ops/customers' }, { label: c.name }]} />}
    />
  );
}
