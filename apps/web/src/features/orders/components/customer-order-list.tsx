import { ErrorNotice } from '../../../design/error-notice';
import { Card } from '../../../design/card';
import { Notice, ProgressBar, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useOrder } from '../api/get-order';
import { useOrders, type OrderListItem } from '../api/list-orders';
import { progressPercent } from '../api/progress-percent';
import { OrderMilestones } from './order-milestones';
import { OrderVisits } from './order-visits';
import { useEntityName } from '../../reference/api/list-entities';

/**
 * A customer's own orders with where each one stands. A customer has a handful of orders,
 * so each card loads its detail (milestones, planned visits) straight away.
 */
export function CustomerOrderList() {
  const { t } = useI18n();
  const query = useOrders({ page: 1, pageSize: 50, sort: '-createdAt' });
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  if (query.data.items.length === 0) return <Notice>{t('customerPortal.noOrders')}</Notice>;
  return (
    <div className="flex flex-col gap-4">
      {query.data.items.map((order) => (
        <CustomerOrderCard key={order.id} order={order} />
      ))}
    </div>
  );
}

function CustomerOrderCard({ order }: { order: OrderListItem }) {
  const entityName = useEntityName();
  const { t, label, formatCents, formatDate } = useI18n();
  const detail = useOrder(order.id);
  const pct = progressPercent(order.progress);
  return (
    <Card title={t('order.title', { number: order.number })} aria-label={t('order.title', { number: order.number })}>
      <p className="text-sm text-ink-muted">
        {[entityName(order.entity), formatDate(order.createdAt), formatCents(order.totalCents)].join(' · ')}
      </p>
      <p className="mt-2 text-sm">
        {t('order.status')}: <span className="font-medium">{label('stage', order.stage)}</span> ({pct}%)
      </p>
      <div className="mt-1">
        <ProgressBar value={pct} label={t('orders.progressOf', { number: order.number })} />
      </div>
      {detail.isPending ? <Spinner label={t('common.loading')} /> : null}
      {detail.data ? (
        <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
          <section aria-label={t('order.milestones')}>
            <h3 className="mb-2 text-sm font-semibold">{t('order.milestones')}</h3>
            <OrderMilestones milestones={detail.data.milestones} />
          </section>
          <section aria-label={t('order.visits')}>
            <h3 className="mb-2 text-sm font-semibold">{t('order.visits')}</h3>
            <OrderVisits visits={detail.data.visits} />
          </section>
        </div>
      ) : null}
    </Card>
  );
}
