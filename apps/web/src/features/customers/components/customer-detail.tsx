import { ErrorNotice } from '../../../design/error-notice';
import type { ReactNode } from 'react';
import { Spinner } from '../../../design/status-message';
import { PageHeader } from '../../../design/page-header';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCustomer } from '../api/get-customer';
import { CustomerHistory } from './customer-history';
import { CustomerNotes } from './customer-notes';
import { CustomerAddresses, CustomerProfile } from './customer-profile';
import { CustomerRecords } from './customer-records';

/** The 360° view of one customer for operations. */
export function CustomerDetailView({
  customerId,
  orderHref,
  quoteHref,
  above,
  below,
}: {
  customerId: string;
  orderHref?: (id: string) => string;
  quoteHref?: (id: string) => string;
  above?: (customer: { name: string; number: string }) => ReactNode;
  /** What a portal adds under the 360° view (ops: the customer's messages). */
  below?: ReactNode;
}) {
  const { t } = useI18n();
  const query = useCustomer(customerId);
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} notFound={t('customer.notFound')} />;
  const customer = query.data;
  return (
    <div className="flex flex-col gap-4">
      {above?.(customer)}
      <PageHeader title={customer.name} subtitle={customer.number} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <CustomerProfile customer={customer} />
        <CustomerAddresses customer={customer} />
      </div>
      <CustomerRecords
        customer={customer}
        {...(orderHref ? { orderHref } : {})}
        {...(quoteHref ? { quoteHref } : {})}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <CustomerHistory customer={customer} />
        <CustomerNotes customer={customer} />
      </div>
      {below}
    </div>
  );
}
