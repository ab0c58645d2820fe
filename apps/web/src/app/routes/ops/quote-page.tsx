import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { QuoteDetailView } from '../../../features/quotes/components/quote-detail';
import { useI18n } from '../../../lib/i18n/i18n';

const orderHref = (id: string) => `/ops/orders/${id}`;

export function QuotePage({ staff }: { staff: boolean }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <QuoteDetailView
      key={id}
      quoteId={id}
      staff={staff}
      orderHref={orderHref}
      above={(q) => <Breadcrumbs items={[{ label: t('quotes.title'), to: '/ops/quotes' }, { label: q.number }]} />}
    />
  );
}
