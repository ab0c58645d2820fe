import { Card } from '../../../design/card';
import { useI18n } from '../../../lib/i18n/i18n';
import type { CustomerDetail } from '../api/get-customer';

type Interaction = CustomerDetail['interactions'][number];

/** Interactions grouped per business entity: a LaderThuis.nl call and a ChargeCars quote are separate stories. */
export function CustomerHistory({ customer }: { customer: CustomerDetail }) {
  const { t, label, formatDateTime } = useI18n();
  const groups = new Map<string, Interaction[]>();
  for (const i of customer.interactions) {
    groups.set(i.entityName, [...(groups.get(i.entityName) ?? []), i]);
  }
  return (
    <Card title={t('customer.history')}>
      {groups.size === 0 ? <p className="text-sm text-ink-muted">{t('customer.noHistory')}</p> : null}
      {[...groups.entries()].map(([entity, items]) => (
        <section key={entity} aria-label={entity} className="mb-3 last:mb-0">
          <h3 className="mb-1 text-sm font-semibold text-brand-800">{entity}</h3>
          <ol className="flex flex-col gap-1 border-l-2 border-line pl-3 text-sm">
            {items.map((i) => (
              <li key={i.id}>
                <span className="text-ink-subtle">{formatDateTime(i.occurredAt)}</span>{' '}
                <span className="font-medium">{label('interaction', i.channel)}: </span>
                {i.summary}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </Card>
  );
}
