import { PageHeader } from '../../../design/page-header';
import {
  SATISFACTION_FILTERS,
  SatisfactionOverviewView,
} from '../../../features/satisfaction/components/satisfaction-overview';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';

/** `/ops/communication/satisfaction`: the customers' scores after their visits, per visit, order and team. */
export function SatisfactionPage() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50 }, SATISFACTION_FILTERS);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <PageHeader title={t('satisfaction.title')} subtitle={t('satisfaction.intro')} />
      <SatisfactionOverviewView
        params={list.params}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onFilterChange={list.setFilter}
      />
    </div>
  );
}
