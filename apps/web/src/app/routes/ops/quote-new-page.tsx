import { useNavigate, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { QuoteBuilder } from '../../../features/quotes/components/quote-builder';
import { NewQuoteFromCatalog } from '../../../features/quotes/components/new-quote-from-catalog';
import { useEntities } from '../../../features/reference/api/list-entities';
import { useI18n } from '../../../lib/i18n/i18n';

/**
 * `/ops/quotes/new?customerId=&partnerId=`: the customer page links here with its customer filled in.
 * A template gives a standard installation in one click; the catalogue editor anything else, kits included.
 */
export function QuoteNewPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const entities = useEntities();
  const customerId = params.get('customerId') ?? '';
  const partnerId = params.get('partnerId') ?? '';
  const open = (id: string) => void navigate(`/ops/quotes/${id}`);
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: t('quotes.title'), to: '/ops/quotes' }, { label: t('quotes.new') }]} />
      <QuoteBuilder customerId={customerId} partnerId={partnerId} onCreated={open} />
      <NewQuoteFromCatalog
        entities={entities.data ?? []}
        customerId={customerId}
        partnerId={partnerId}
        onCreated={open}
      />
    </div>
  );
}
