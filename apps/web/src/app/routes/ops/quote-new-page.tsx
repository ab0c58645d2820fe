import { useNavigate, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { QuoteBuilder } from '../../../features/quotes/components/quote-builder';
import { useI18n } from '../../../lib/i18n/i18n';

/** `/ops/quotes/new?customerId=&partnerId=`: the customer page links here with its customer filled in. */
export function QuoteNewPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: t('quotes.title'), to: '/ops/quotes' }, { label: t('quotes.new') }]} />
      <QuoteBuilder customerId={params.get('customerId') ?? ''} partnerId={params.get('partnerId') ?? ''} onCreated={(id) => void navigate(`/ops/quotes/${id}`)} />
    </div>
  );
}
