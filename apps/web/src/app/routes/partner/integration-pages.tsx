import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { LeadInbox } from '../../../features/leads/components/lead-inbox';
import { LeadDetailView } from '../../../features/leads/components/lead-detail';
import { ApiKeysPanel } from '../../../features/partner-integrations/components/api-keys-panel';
import { WebhooksPanel } from '../../../features/partner-integrations/components/webhooks-panel';
import { ApiDocs } from '../../../features/partner-integrations/components/api-docs';
import { ApiTester } from '../../../features/partner-integrations/components/api-tester';
import { MailSettingsPanel } from '../../../features/partner-integrations/components/mail-settings-panel';
import { useI18n } from '../../../lib/i18n/i18n';

export function PartnerLeadsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('leads.partnerTitle')} subtitle={t('leads.partnerSubtitle')} />
      <LeadInbox leadHref={(id) => `/partner/leads/${id}`} showPartner={false} />
    </>
  );
}

export function PartnerLeadPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <>
      <Breadcrumbs items={[{ label: t('leads.partnerTitle'), to: '/partner/leads' }, { label: t('leads.lead') }]} />
      <LeadDetailView key={id} leadId={id} canDecide={false} />
    </>
  );
}

export function ApiKeysPage({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('apiKeys.title')} subtitle={t('apiKeys.subtitle')} />
      <ApiKeysPanel partnerId={partnerId} />
    </>
  );
}

export function WebhooksPage({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('webhooks.title')} subtitle={t('webhooks.subtitle')} />
      <WebhooksPanel partnerId={partnerId} />
    </>
  );
}

export function MailSettingsPage({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('partnerMail.title')} subtitle={t('partnerMail.subtitle')} />
      <MailSettingsPanel partnerId={partnerId} />
    </>
  );
}

export function ApiDocsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('apiDocs.title')} />
      <ApiDocs />
    </>
  );
}

export function ApiTesterPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('apiTester.title')} subtitle={t('apiTester.subtitle')} />
      <ApiTester />
    </>
  );
}
