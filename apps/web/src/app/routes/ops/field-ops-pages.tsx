import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { FieldCases } from '../../../features/field-ops/components/field-cases';
import { TechnicianDevices } from '../../../features/field-ops/components/technician-devices';
import { VisitResult } from '../../../features/field-ops/components/visit-result';
import { useI18n } from '../../../lib/i18n/i18n';

const orderHref = (id: string) => `/ops/orders/${id}`;
const visitHref = (id: string) => `/ops/visits/${id}`;

/** `/ops/visits/:id`: what the team recorded on a visit, opened from its order, the board or a field case. */
export function VisitResultPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <VisitResult
      key={id}
      visitId={id}
      orderHref={orderHref}
      above={(v) => (
        <Breadcrumbs
          items={[
            { label: t('orders.title'), to: '/ops/orders' },
            { label: v.orderNumber, to: orderHref(v.orderId) },
            { label: v.number },
          ]}
        />
      )}
    />
  );
}

/** `/ops/field/cases`: what the phones' sync left for ops to decide. */
export function FieldCasesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('fieldCases.title')} subtitle={t('fieldCases.intro')} />
      <FieldCases visitHref={visitHref} />
    </>
  );
}

/** `/ops/field/devices`: the technicians' phones, to revoke a lost one. */
export function DevicesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('devices.title')} subtitle={t('devices.intro')} />
      <TechnicianDevices />
    </>
  );
}
