import { PageHeader } from '../../../design/page-header';
import { MetricsGrid } from '../../../features/dashboard/components/metrics-grid';
import { useI18n } from '../../../lib/i18n/i18n';

export function DashboardPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('ops.dashboard')} subtitle={t('ops.dashboardIntro')} />
      <MetricsGrid />
    </>
  );
}
