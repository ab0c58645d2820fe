import { Link, useParams, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { Notice } from '../../../design/status-message';
import { CommissionStatementView } from '../../../features/billing/components/commission-statement';
import { InvoiceDetailView } from '../../../features/billing/components/invoice-detail';
import { InvoicesTable } from '../../../features/billing/components/invoices-table';
import { MonthlyInvoiceForm } from '../../../features/billing/components/monthly-invoice-form';
import { PaymentReminderSteps } from '../../../features/billing/components/payment-reminder-steps';
import { PartnerPicker } from '../../../features/billing/components/partner-picker';
import { ProfitAndLossView } from '../../../features/billing/components/profit-and-loss';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';

const INVOICE_FILTERS = ['status', 'entityId', 'payer', 'overdue', 'orderId', 'customerId', 'partnerId'] as const;
export const opsInvoiceLinks = {
  invoiceHref: (id: string) => `/ops/invoices/${id}`,
  orderHref: (id: string) => `/ops/orders/${id}`,
  customerHref: (id: string) => `/ops/customers/${id}`,
  partnerHref: (id: string) => `/ops/partners/${id}`,
};

const actionLinkClass =
  'inline-flex h-10 items-center rounded-md border border-line bg-panel px-4 text-sm font-medium hover:bg-surface';

/** `/ops/invoices`: every invoice and credit note, searched and filtered on the server (5,000+ rows). */
export function InvoicesPage() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50 }, INVOICE_FILTERS);
  return (
    <>
      <PageHeader
        title={t('invoices.title')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link to="/ops/invoices/monthly" className={actionLinkClass}>
              {t('invoices.monthlyRun')}
            </Link>
            <Link to="/ops/invoices/reminders" className={actionLinkClass}>
              {t('reminders.open')}
            </Link>
          </div>
        }
      />
      <InvoicesTable
        params={list.params}
        {...opsInvoiceLinks}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSearchChange={list.setQuery}
        onFilterChange={list.setFilter}
      />
    </>
  );
}

/** `/ops/invoices/:id`: one invoice with its lines, payments and credit notes; ops book payments and credit notes here. */
export function InvoicePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <>
      <Breadcrumbs items={[{ label: t('invoices.title'), to: '/ops/invoices' }, { label: t('invoiceKind.invoice') }]} />
      <InvoiceDetailView key={id} invoiceId={id} canManage links={opsInvoiceLinks} />
    </>
  );
}

/** `/ops/invoices/monthly`: the monthly partner invoice for a partner, brand and month. */
export function MonthlyInvoicePage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs items={[{ label: t('invoices.title'), to: '/ops/invoices' }, { label: t('monthly.title') }]} />
      <PageHeader title={t('monthly.title')} />
      <MonthlyInvoiceForm invoiceHref={opsInvoiceLinks.invoiceHref} />
    </>
  );
}

/** `/ops/invoices/reminders`: each entity's payment reminder steps (the daily run sends them). */
export function PaymentRemindersPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs items={[{ label: t('invoices.title'), to: '/ops/invoices' }, { label: t('reminders.title') }]} />
      <PageHeader title={t('reminders.title')} />
      <PaymentReminderSteps />
    </>
  );
}

/** `/ops/commission?partner=…`: any partner's commission statement (also linked from the partner's page). */
export function CommissionPage() {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const partnerId = searchParams.get('partner') ?? undefined;
  return (
    <>
      <PageHeader title={t('commission.opsTitle')} />
      <div className="mb-4">
        <PartnerPicker
          value={partnerId}
          onChange={(id) => setSearchParams(id ? { partner: id } : {}, { replace: true })}
        />
      </div>
      {partnerId ? (
        <CommissionStatementView key={partnerId} partnerId={partnerId} orderHref={opsInvoiceLinks.orderHref} />
      ) : (
        <Notice>{t('commission.pickPartner')}</Notice>
      )}
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
