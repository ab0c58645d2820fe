import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { OrderDetailView } from '../../../features/orders/components/order-detail';
import { OrderInvoices } from '../../../features/billing/components/issue-order-invoices';
import { useI18n } from '../../../lib/i18n/i18n';

/** `/ops/orders/:id`; with `canBill` (admin, operations) also the order's invoices and the button that issues them. */
export function OrderPage({ canBill = false }: { canBill?: boolean }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <>
      <OrderDetailView
        key={id}
        orderId={id}
        staff
        links={{
          customerHref: (c) => `/ops/customers/${c}`,
          quoteHref: (q) => `/ops/quotes/${q}`,
          visitResultHref: (v) => `/ops/visits/${v}`,
        }}
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
      {canBill ? (
        <div className="mt-4">
          <OrderInvoices
            key={`invoices-${id}`}
            orderId={id}
            canIssue
            invoiceHref={(invoiceId) => `/ops/invoices/${invoiceId}`}
            invoicesOfOrderHref={`/ops/invoices?orderId=${id}`}
          />
        </div>
      ) : null}
    </>
  );
}
