import { TableScroll } from '../../../design/table-scroll';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../design/error-notice';
import type { ReactNode } from 'react';
import { Card } from '../../../design/card';
import { PageHeader } from '../../../design/page-header';
import { ProgressBar, Spinner } from '../../../design/status-message';
import { formatPostcode } from '../../../lib/format/postcode';
import { useI18n } from '../../../lib/i18n/i18n';
import { useOrder } from '../api/get-order';
import { progressPercent } from '../api/progress-percent';
import { OrderMilestones } from './order-milestones';
import { OrderVisits } from './order-visits';
import { OrderTimelineList } from './order-timeline';
import { ChangeStageForm } from './change-stage-form';
import { useEntityName } from '../../reference/api/list-entities';

/**
 * One order: its lines (who pays what), milestones and planned visits; staff may plan the visits. A
 * partner (`ownSide`) sees every line but only its own prices, and its own part as the total.
 */
export function OrderDetailView({
  orderId,
  above,
  staff = false,
  ownSide,
  links,
}: {
  orderId: string;
  above?: (order: { number: string }) => ReactNode;
  /** Staff pages link the order back to its customer and the quote it came from, and each visit to its result. */
  links?: {
    customerHref: (id: string) => string;
    quoteHref: (id: string) => string;
    visitResultHref?: (id: string) => string;
  };
  staff?: boolean;
  ownSide?: 'customer' | 'partner';
}) {
  const entityName = useEntityName();
  const { t, label, localized, formatCents, formatDate, formatNumber } = useI18n();
  // The other side's prices are not sent (they arrive as 0), so they show as unknown, not as free.
  const price = (cents: number, billTo: string | null | undefined) =>
    ownSide && billTo !== ownSide ? '—' : formatCents(cents);
  const query = useOrder(orderId);
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} notFound={t('order.notFound')} />;
  const order = query.data;
  const pct = progressPercent(order.progress);
  return (
    <div className="flex flex-col gap-4">
      {above?.(order)}
      <PageHeader
        title={t('order.title', { number: order.number })}
        subtitle={[
          order.customerName,
          [order.postcode ? formatPostcode(order.postcode) : null, order.city].filter(Boolean).join(' '),
          entityName(order.entity),
          formatDate(order.createdAt),
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          links ? (
            <div className="flex flex-wrap gap-3 text-sm">
              <Link className="text-brand-700 hover:underline" to={links.customerHref(order.customerId)}>
                {t('quote.customer')}
              </Link>
              {order.quoteId ? (
                <Link className="text-brand-700 hover:underline" to={links.quoteHref(order.quoteId)}>
                  {t('order.quote')}
                </Link>
              ) : null}
            </div>
          ) : null
        }
      />
      <Card title={t('order.status')}>
        <p className="mb-2 text-sm">
          <span className="font-medium">{label('stage', order.stage)}</span> — {pct}%
        </p>
        <ProgressBar value={pct} label={t('orders.progressOf', { number: order.number })} />
        <ChangeStageForm key={order.stage} orderId={order.id} nextStages={order.nextStages} />
      </Card>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card title={t('order.lines')} className="lg:col-span-2">
          <TableScroll label={t('order.lines')}>
            <table className="w-full text-sm" aria-label={t('order.lines')}>
              <thead className="text-left text-xs text-ink-muted uppercase">
                <tr>
                  <th scope="col" className="px-2 py-1">
                    {t('order.description')}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    {t('order.quantity')}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    {t('order.unitPrice')}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    {t('orders.total')}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {t('order.billTo')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((l, i) => (
                  <tr key={i} className="border-t border-line">
                    <td className="px-2 py-1">{localized(l.description, l.descriptionEn)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatNumber(l.quantity)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{price(l.unitPriceCents, l.billTo)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{price(l.totalCents, l.billTo)}</td>
                    <td className="px-2 py-1">{l.billTo ? label('billTo', l.billTo) : '—'}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 border-line font-semibold">
                  <td className="px-2 py-1" colSpan={3}>
                    {t('orders.total')}
                  </td>
                  <td className="px-2 py-1 text-right tabular-nums">{formatCents(order.totalCents)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </Card>
        <Card title={t('order.milestones')}>
          <OrderMilestones milestones={order.milestones} />
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t('order.visits')}>
          <OrderVisits
            visits={order.visits}
            canSchedule={staff}
            resultHref={links?.visitResultHref}
            addToOrderId={staff && !['cancelled', 'closed'].includes(order.stage) ? order.id : undefined}
          />
        </Card>
        <Card title={t('timeline.title')}>
          <OrderTimelineList orderId={order.id} />
        </Card>
      </div>
    </div>
  );
}
