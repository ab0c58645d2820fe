import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { OrderDetailView } from '../../../features/orders/components/order-detail';
import { useI18n } from '../../../lib/i18n/i18n';

export function OrderPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <OrderDetailView
      key={id}
      orderId={id}
      staff
      links={{ customerHref: (c) => `/ops/customers/${c}`, quoteHref: (q) => `/ops/quotes/${q}` }}
      above={(o) => (
        <Breadcrumbs
          items={[
            { label: t('ops.dashboard'), to: '/ops' },
            { label: t('orders.title'), to: '/ops/orders' },
            { label: o.number },
          ]}
        />
      )}
    />
  );
}
