import { PageHeader } from '../../../design/page-header';
import { EntityFilter } from '../../../features/reference/components/entity-filter';
import { CustomersTable } from '../../../features/customers/components/customers-table';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';

const FILTERS = ['entity'] as const;
const customerHref = (id: string) => `/ops/customers/${id}`;

export function CustomersPage() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50, sort: 'name' }, FILTERS);
  return (
    <>
      <PageHeader title={t('customers.title')} />
      <CustomersTable
        params={list.params}
        customerHref={customerHref}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSortChange={list.setSort}
        onSearchChange={list.setQuery}
        toolbar={
          <EntityFilter
            value={list.params.entity as string | undefined}
            onChange={(e) => list.setFilter('entity', e)}
          />
        }
      />
    </>
  );
}
