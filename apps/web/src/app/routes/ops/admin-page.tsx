import { PageHeader } from '../../../design/page-header';
import { BackupsPanel } from '../../../features/backups/components/backups-panel';
import { useI18n } from '../../../lib/i18n/i18n';

/** `/ops/admin`: system management for admins. */
export function AdminPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <BackupsPanel />
    </>
  );
}
