import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { DayRouteView } from '../../../features/planning-optimiser/components/day-route-view';
import { OptimisePanel } from '../../../features/planning-optimiser/components/optimise-panel';
import { ProposalView } from '../../../features/planning-optimiser/components/proposal-view';
import { useI18n } from '../../../lib/i18n/i18n';

const proposalHref = (id: string) => `/ops/planning/proposals/${id}`;

export function OptimisePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('optimiser.title')} />
      <OptimisePanel proposalHref={proposalHref} />
    </>
  );
}

export function ProposalPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <>
      <Breadcrumbs
        items={[{ label: t('optimiser.title'), to: '/ops/planning/optimise' }, { label: t('optimiser.proposal') }]}
      />
      <PageHeader title={t('optimiser.proposal')} />
      <ProposalView key={id} id={id} />
    </>
  );
}

export function DayRoutesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('routes.title')} subtitle={t('routes.intro')} />
      <DayRouteView />
    </>
  );
}
