import { PageHeader } from '../../../design/page-header';
import { MESSAGE_FILTERS, MessageLogTable } from '../../../features/communication/components/message-log-table';
import { ProviderSettings } from '../../../features/communication/components/provider-settings';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';

/** `/ops/communication`: the message log for admin and operations; admins also see the providers and test them. */
export function CommunicationPage({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50 }, MESSAGE_FILTERS);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t('communication.title')} subtitle={t('communication.intro')} />
      {isAdmin ? <ProviderSettings /> : null}
      <MessageLogTable
        params={list.params}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSearchChange={list.setQuery}
        onFilterChange={list.setFilter}
      />
    </div>
  );
}
