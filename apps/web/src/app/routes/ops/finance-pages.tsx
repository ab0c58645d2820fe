import { PageHeader } from '../../../design/page-header';
import { InvoicesTable } from '../../../features/billing/components/invoices-table';
import { ProfitAndLossView } from '../../../features/billing/components/profit-and-loss';
import { useI18n } from '../../../lib/i18n/i18n';

export function InvoicesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('invoices.title')} />
      <InvoicesTable />
    </>
  );
}

export function FinancePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('pnl.title')} />
      <ProfitAndLossView />
    </>
  );
}
