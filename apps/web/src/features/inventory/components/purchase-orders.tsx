import { Link } from 'react-router';
import { ErrorNotice } from '../../../design/error-notice';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { usePurchaseOrders } from '../api/purchase-orders';
import { StockTable } from './stock-table';

/** Purchase orders to suppliers, newest first, with how much of each has come in. */
export function PurchaseOrders({ orderHref }: { orderHref: (id: string) => string }) {
  const { t, label, formatDate } = useI18n();
  const orders = usePurchaseOrders();
  if (orders.error) return <ErrorNotice error={orders.error} />;
  if (!orders.data) return <Spinner label={t('common.loading')} />;
  return (
    <StockTable
      label={t('inventory.purchaseOrders.title')}
      rows={orders.data}
      empty={t('inventory.purchaseOrders.none')}
      rowKey={(o) => o.id}
      columns={[
        {
          header: t('inventory.purchaseOrders.number'),
          cell: (o) => (
            <Link className="text-brand-700 underline" to={orderHref(o.id)}>
              {o.number}
            </Link>
          ),
        },
        { header: t('inventory.purchaseOrders.supplier'), cell: (o) => o.supplier },
        { header: t('inventory.purchaseOrders.status'), cell: (o) => label('inventory.poStatus', o.status) },
        {
          header: t('inventory.purchaseOrders.expected'),
          cell: (o) => (o.expectedOn ? formatDate(o.expectedOn) : '—'),
        },
        { header: t('inventory.purchaseOrders.received'), numeric: true, cell: (o) => `${o.received} / ${o.ordered}` },
      ]}
    />
  );
}
