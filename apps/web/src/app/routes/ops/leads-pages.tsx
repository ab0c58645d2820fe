import { Link, useNavigate, useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { LeadInbox } from '../../../features/leads/components/lead-inbox';
import { LeadDetailView } from '../../../features/leads/components/lead-detail';
import { LeadEntryForm } from '../../../features/leads/components/lead-entry-form';
import { useI18n } from '../../../lib/i18n/i18n';

/** `/ops/leads`: the lead inbox with filters; `canCreate`: the role may enter a lead. */
export function LeadsPage({ canCreate }: { canCreate: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('leads.title')}
        actions={
          canCreate ? (
            <Link className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white" to="/ops/leads/new">
              {t('leads.new')}
            </Link>
          ) : null
        }
      />
      <LeadInbox leadHref={(id) => `/ops/leads/${id}`} showPartner />
    </>
  );
}

/**
 * `/ops/leads/:id`: one lead with timeline, score breakdown and the manual decisions; it links to its
 * customer, its quotes and their orders, and (`canQuote`) makes a quote from the lead.
 */
export function LeadPage({ canDecide, canQuote }: { canDecide: boolean; canQuote: boolean }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <>
      <Breadcrumbs items={[{ label: t('leads.title'), to: '/ops/leads' }, { label: t('leads.lead') }]} />
      <LeadDetailView
        key={id}
        leadId={id}
        canDecide={canDecide}
        links={{
          customerHref: (c) => `/ops/customers/${c}`,
          quoteHref: (q) => `/ops/quotes/${q}`,
          orderHref: (o) => `/ops/orders/${o}`,
          ...(canQuote ? { newQuoteHref: (l: string) => `/ops/quotes/new?leadId=${l}` } : {}),
        }}
      />
    </>
  );
}

/** `/ops/leads/new`: the lead entry form. */
export function NewLeadPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('leads.new')} />
      <LeadEntryForm onCreated={(id) => void navigate(`/ops/leads/${id}`)} />
    </>
  );
}
