import { PageHeader } from '../../../design/page-header';
import { OrdersTable } from '../../../features/orders/components/orders-table';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';

const orderHref = (id: string) => `/ops/orders/${id}`;
/** `/ops/orders?stage=new`, as the dashboard and a shared link name it, lists only that stage. */
const ORDER_FILTERS = ['stage'] as const;

export function OrdersPage() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50, sort: '-createdAt' }, ORDER_FILTERS);
  return (
    <>
      <PageHeader title={t('orders.title')} />
      <OrdersTable
        params={list.params}
        orderHref={orderHref}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSortChange={list.setSort}
        onSearchChange={list.setQuery}
      />
    </>
  );
}
