import { Card } from '../../../design/card';
import { formatPhone, phoneHref } from '../../../lib/format/phone';
import { formatHouseNumber, formatPostcode } from '../../../lib/format/postcode';
import { useI18n } from '../../../lib/i18n/i18n';
import type { CustomerDetail } from '../api/get-customer';
import { useEntityName } from '../../reference/api/list-entities';

export function CustomerProfile({ customer }: { customer: CustomerDetail }) {
  const entityName = useEntityName();
  const { t, label, formatDate } = useI18n();
  return (
    <Card title={t('customer.profile')}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-ink-muted">{t('customers.number')}</dt>
        <dd className="font-mono">{customer.number}</dd>
        <dt className="text-ink-muted">{t('customers.email')}</dt>
        <dd>
          {customer.email ? (
            <a className="text-brand-700 hover:underline" href={`mailto:${customer.email}`}>
              {customer.email}
            </a>
          ) : (
            '—'
          )}
        </dd>
        <dt className="text-ink-muted">{t('customers.phone')}</dt>
        <dd>
          {customer.phone ? (
            <a className="text-brand-700 hover:underline" href={phoneHref(customer.phone)}>
              {formatPhone(customer.phone)}
            </a>
          ) : (
            '—'
          )}
        </dd>
        <dt className="text-ink-muted">{t('customers.status')}</dt>
        <dd>{label('customerStatus', customer.status)}</dd>
        <dt className="text-ink-muted">{t('customers.entities')}</dt>
        <dd>{customer.entities.map(entityName).join(', ') || '—'}</dd>
        <dt className="text-ink-muted">{t('customers.createdAt')}</dt>
        <dd>{formatDate(customer.createdAt)}</dd>
      </dl>
      <h3 className="mt-4 mb-1 text-sm font-semibold">{t('customer.tags')}</h3>
      {customer.tags.length ? (
        <ul className="flex flex-wrap gap-1" aria-label={t('customer.tags')}>
          {customer.tags.map((tag) => (
            <li key={tag} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-800">
              {tag}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">{t('customer.noTags')}</p>
      )}
    </Card>
  );
}

export function CustomerAddresses({ customer }: { customer: CustomerDetail }) {
  const { t, label } = useI18n();
  return (
    <Card title={t('customer.addresses')}>
      {customer.addresses.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('customer.noAddresses')}</p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm">
          {customer.addresses.map((a, i) => (
            <li key={a.id ?? i}>
              {a.kind ? (
                <span className="mr-2 text-xs text-ink-subtle uppercase">{label('addressKind', a.kind)}</span>
              ) : null}
              {[a.street, a.houseNumber != null ? formatHouseNumber(a.houseNumber, a.houseNumberAddition) : null]
                .filter(Boolean)
                .join(' ')}
              {a.postcode || a.city ? `, ${a.postcode ? formatPostcode(a.postcode) : ''} ${a.city ?? ''}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
