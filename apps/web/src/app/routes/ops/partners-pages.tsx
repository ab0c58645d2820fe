import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { PartnersTable } from '../../../features/partners/components/partners-table';
import { PartnerProfile } from '../../../features/partners/components/partner-profile';
import { ApiKeysPanel } from '../../../features/partner-integrations/components/api-keys-panel';
import { WebhooksPanel } from '../../../features/partner-integrations/components/webhooks-panel';
import { useI18n } from '../../../lib/i18n/i18n';
import { useListParams } from '../../../lib/use-list-params';

const partnerHref = (id: string) => `/ops/partners/${id}`;

/** `/ops/partners`: every partner, to find one and manage its integration. */
export function PartnersPage() {
  const { t } = useI18n();
  const list = useListParams({ pageSize: 50, sort: 'name' });
  return (
    <>
      <PageHeader title={t('partners.title')} />
      <PartnersTable
        params={list.params}
        partnerHref={partnerHref}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        onSortChange={list.setSort}
        onSearchChange={list.setQuery}
      />
    </>
  );
}

/** `/ops/partners/:id`: the partner's details (ops set its VAT number), and its API keys and webhook endpoints. */
export function PartnerPage({ canSeeCommission = false }: { canSeeCommission?: boolean }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs
        items={[{ label: t('partners.title'), to: '/ops/partners' }, { label: t('partners.integration') }]}
      />
      <PartnerProfile key={`profile-${id}`} partnerId={id} canEdit />
      {canSeeCommission ? (
        <p className="flex flex-wrap gap-4 text-sm">
          <Link to={`/ops/commission?partner=${id}`} className="text-brand-700 hover:underline">
            {t('commission.partnerLink')}
          </Link>
          <Link to={`/ops/invoices?partnerId=${id}`} className="text-brand-700 hover:underline">
            {t('invoices.title')}
          </Link>
        </p>
      ) : null}
      <PageHeader title={t('partners.integration')} />
      <ApiKeysPanel key={`keys-${id}`} partnerId={id} />
      <WebhooksPanel key={`hooks-${id}`} partnerId={id} />
    </div>
  );
}
