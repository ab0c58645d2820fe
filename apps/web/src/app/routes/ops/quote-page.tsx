import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { QuoteDetailView } from '../../../features/quotes/components/quote-detail';
import { useI18n } from '../../../lib/i18n/i18n';

const orderHref = (id: string) => `/ops/orders/${id}`;
const customerHref = (id: string) => `/ops/customers/${id}`;
const leadHref = (id: string) => `/ops/leads/${id}`;

/** Everyone in the ops portal is staff and reads the whole quote; `canEdit` is for those who manage quotes. */
export function QuotePage({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <QuoteDetailView
      key={id}
      quoteId={id}
      staff
      canEdit={canEdit}
      orderHref={orderHref}
      customerHref={customerHref}
      leadHref={leadHref}
      above={(q) => <Breadcrumbs items={[{ label: t('quotes.title'), to: '/ops/quotes' }, { label: q.number }]} />}
    />
  );
}
