import { useState } from 'react';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { Select, type SelectOption } from '../../../design/select';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCreateQuote } from '../api/save-quote-lines';
import { QuoteLinesForm } from './quote-lines-form';

/** A quote line by line from what the entity sells: products and kits, for anything a template does not cover. */
export function NewQuoteFromCatalog({
  entities,
  customerId,
  partnerId,
  onCreated,
}: {
  entities: SelectOption[];
  customerId: string;
  partnerId: string;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const create = useCreateQuote();
  const [entityId, setEntityId] = useState('');
  const [customer, setCustomer] = useState(customerId);
  const [partner, setPartner] = useState(partnerId);
  const chosen = entityId || entities[0]?.value || '';
  return (
    <Card title={t('quoteEditor.title')}>
      <p className="mb-4 text-sm text-ink-muted">{t('quoteEditor.intro')}</p>
      {/* A new entity means another price list: the lines start again. */}
      <QuoteLinesForm
        key={chosen}
        entityId={chosen}
        initial={[]}
        saving={create.isPending}
        error={create.error}
        submitLabel={t('quoteEditor.create')}
        onSave={(lines) =>
          create.mutate(
            {
              entityId: chosen,
              customerId: customer.trim(),
              ...(partner.trim() ? { partnerId: partner.trim() } : {}),
              lines,
            },
            { onSuccess: (q) => onCreated(q.id) },
          )
        }
      >
        <div className="grid gap-4 md:grid-cols-3">
          <Select label={t('quoteEditor.entity')} value={chosen} onValueChange={setEntityId} options={entities} />
          <Input
            label={t('quoteBuilder.customerId')}
            value={customer}
            onChange={(e) => setCustomer(e.target.value)}
            required
          />
          <Input label={t('quoteBuilder.partnerId')} value={partner} onChange={(e) => setPartner(e.target.value)} />
        </div>
      </QuoteLinesForm>
    </Card>
  );
}
