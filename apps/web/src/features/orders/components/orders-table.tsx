import { useMemo } from 'react';
import { Link } from 'react-router';
import type { DataTableColumn } from '../../../design/data-table';
import { QueryDataTable } from '../../../design/query-data-table';
import { ProgressBar } from '../../../design/status-message';
import { formatPostcode } from '../../../lib/format/postcode';
import { useI18n } from '../../../lib/i18n/i18n';
import { useOrders, type OrderListItem, type OrderListParams } from '../api/list-orders';
import { progressPercent } from '../api/progress-percent';
import { useEntityName } from '../../reference/api/list-entities';

export type OrdersTableProps = {
  params: OrderListParams;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onSortChange: (sort: string | undefined) => void;
  onSearchChange: (q: string) => void;
  orderHref: (id: string) => string;
  /** A partner sees only its own orders: the partner column would say the same on every row. */
  showPartner?: boolean;
};

export function OrdersTable({ params, orderHref, showPartner = true, ...handlers }: OrdersTableProps) {
  const entityName = useEntityName();
  const { t, label, formatCents, formatDate } = useI18n();
  const query = useOrders(params);

  const columns = useMemo<DataTableColumn<OrderListItem>[]>(() => {
    const cols: DataTableColumn<OrderListItem>[] = [
      {
        id: 'number',
        header: t('orders.number'),
        sortable: true,
        cell: (o) => (
          <Link to={orderHref(o.id)} className="font-mono font-medium text-brand-700 hover:underline">
            {o.number}
          </Link>
        ),
      },
      { id: 'customerName', header: t('orders.customer'), sortable: true, cell: (o) => o.customerName },
      {
        id: 'postcode',
        header: t('orders.place'),
        cell: (o) => [o.postcode ? formatPostcode(o.postcode) : null, o.city].filter(Boolean).join(' ') || '—',
      },
      { id: 'entity', header: t('orders.entity'), cell: (o) => entityName(o.entity) },
    ];
    if (showPartner) cols.push({ id: 'partnerName', header: t('orders.partner'), cell: (o) => o.partnerName ?? '—' });
    cols.push(
      { id: 'stage', header: t('orders.stage'), sortable: true, cell: (o) => label('stage', o.stage) },
      {
        id: 'progress',
        header: t('orders.progress'),
        cell: (o) => (
          <div className="w-24">
            <ProgressBar value={progressPercent(o.progress)} label={t('orders.progressOf', { number: o.number })} />
          </div>
        ),
      },
      {
        id: 'totalCents',
        header: t('orders.total'),
        sortable: true,
        cell: (o) => formatCents(o.totalCents),
        className: 'text-right tabular-nums whitespace-nowrap',
      },
      {
        id: 'createdAt',
        header: t('orders.createdAt'),
        sortable: true,
        cell: (o) => formatDate(o.createdAt),
        className: 'whitespace-nowrap',
      },
    );
    return cols;
  }, [t, label, orderHref, showPartner]);

  return (
    <QueryDataTable
      label={t('orders.title')}
      columns={columns}
      query={query}
      params={params}
      getRowId={(o) => o.id}
      searchLabel={t('orders.search')}
      {...handlers}
    />
  );
}
