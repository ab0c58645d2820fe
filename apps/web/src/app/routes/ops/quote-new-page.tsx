import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Spinner } from '../../../design/status-message';
import { CustomerPicker } from '../../../features/customers/components/customer-picker';
import { useLead, type LeadDetail } from '../../../features/leads/api/get-lead';
import { PartnerPicker } from '../../../features/partners/components/partner-picker';
import { answersFromIntake } from '../../../features/quotes/components/intake-answers';
import { QuoteBuilder } from '../../../features/quotes/components/quote-builder';
import { NewQuoteFromCatalog } from '../../../features/quotes/components/new-quote-from-catalog';
import { useEntities } from '../../../features/reference/api/list-entities';
import { useI18n } from '../../../lib/i18n/i18n';

/**
 * `/ops/quotes/new?customerId=&partnerId=` or `?leadId=`: the customer page links here with its customer
 * filled in; the lead page with the lead, whose customer, partner, brand and intake answers fill the form
 * (and the quote names the lead). Customer and partner are picked by name. A template gives a standard
 * installation in one click; the catalogue editor anything else, kits included.
 */
export function QuoteNewPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const leadId = params.get('leadId') ?? '';
  const lead = useLead(leadId, leadId !== '');
  if (!leadId) {
    return <NewQuoteForms customerId={params.get('customerId') ?? ''} partnerId={params.get('partnerId') ?? ''} />;
  }
  if (lead.isPending) return <Spinner label={t('common.loading')} />;
  if (lead.isError) return <ErrorNotice error={lead.error} notFound={t('leads.notFound')} />;
  return (
    <NewQuoteForms lead={lead.data} customerId={lead.data.customerId ?? ''} partnerId={lead.data.partnerId ?? ''} />
  );
}

function NewQuoteForms({
  customerId: givenCustomer,
  partnerId: givenPartner,
  lead,
}: {
  customerId: string;
  partnerId: string;
  lead?: LeadDetail;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const entities = useEntities();
  const [customerId, setCustomerId] = useState(givenCustomer);
  const [partnerId, setPartnerId] = useState(givenPartner);
  const open = (id: string) => void navigate(`/ops/quotes/${id}`);
  // A lead's quote is for the lead's customer: another customer would be another lead's quote.
  const leadId = lead && customerId === lead.customerId ? lead.id : undefined;
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: t('quotes.title'), to: '/ops/quotes' }, { label: t('quotes.new') }]} />
      <PageHeader title={t('quotes.new')} />
      <Card title={t('quoteNew.parties')}>
        {lead ? (
          <p className="mb-3 text-sm">
            {t('quoteNew.fromLead')}{' '}
            <Link className="text-brand-700 underline" to={`/ops/leads/${lead.id}`}>
              {lead.number} · {lead.name}
            </Link>
            {lead.intake?.answers ? (
              <span className="mt-1 block text-ink-muted">
                {t('quoteNew.intakeCarried')}
                {typeof lead.intake.answers.remarks === 'string' ? ` “${lead.intake.answers.remarks}”` : ''}
              </span>
            ) : null}
          </p>
        ) : null}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <CustomerPicker value={customerId} onChange={setCustomerId} required />
          <PartnerPicker value={partnerId} onChange={setPartnerId} hint={t('quoteNew.partnerHint')} />
        </div>
      </Card>
      <QuoteBuilder
        customerId={customerId}
        partnerId={partnerId}
        leadId={leadId}
        entityId={lead?.entityId}
        initialAnswers={answersFromIntake(lead?.intake?.answers)}
        onCreated={open}
      />
      <NewQuoteFromCatalog
        entities={entities.data ?? []}
        customerId={customerId}
        partnerId={partnerId}
        leadId={leadId}
        initialEntityId={lead?.entityId ?? ''}
        onCreated={open}
      />
    </div>
  );
}
