import { PageHeader } from '../../../design/page-header';
import { OutboxTable } from '../../../features/outbox/components/outbox-table';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';

export function OutboxPage() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50 });
  return (
    <>
      <PageHeader title={t('outbox.title')} subtitle={t('outbox.intro')} />
      <OutboxTable
        params={{ page: list.params.page, pageSize: list.params.pageSize }}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
      />
    </>
  );
}
