import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { CustomerDetailView } from '../../../features/customers/components/customer-detail';
import { useI18n } from '../../../lib/i18n/i18n';
import { CustomerMessages } from '../../../features/communication/components/customer-messages';

const orderHref = (id: string) => `/ops/orders/${id}`;
const quoteHref = (id: string) => `/ops/quotes/${id}`;

/** `canQuote`: admin and operations make quotes; a planner would land on a page that is not theirs. */
export function CustomerPage({ canQuote, canEditMessages }: { canQuote: boolean; canEditMessages: boolean }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <CustomerDetailView
      key={id}
      customerId={id}
      orderHref={orderHref}
      quoteHref={quoteHref}
      above={(c) => (
        <div className="flex items-center justify-between gap-4">
          <Breadcrumbs
            items={[
              { label: t('ops.dashboard'), to: '/ops' },
              { label: t('customers.title'), to: '/ops/customers' },
              { label: c.name },
            ]}
          />
          {canQuote ? (
            <Link
              className="text-sm font-medium text-brand-700 hover:underline"
              to={`/ops/quotes/new?customerId=${id}`}
            >
              {t('quotes.new')}
            </Link>
          ) : null}
        </div>
      )}
      below={<CustomerMessages customerId={id} canEdit={canEditMessages} />}
    />
  );
}
