import { useState } from 'react';
import { Card } from '../../../design/card';
import { Select, type SelectOption } from '../../../design/select';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCreateQuote } from '../api/save-quote-lines';
import { QuoteLinesForm } from './quote-lines-form';

/** A quote line by line from what the entity sells: products and kits, for anything a template does not cover. */
export function NewQuoteFromCatalog({
  entities,
  customerId,
  partnerId,
  leadId,
  initialEntityId = '',
  onCreated,
}: {
  entities: SelectOption[];
  customerId: string;
  partnerId: string;
  leadId?: string | undefined;
  initialEntityId?: string;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const create = useCreateQuote();
  const [entityId, setEntityId] = useState(initialEntityId);
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
        canSubmit={customerId !== ''}
        onSave={(lines) =>
          create.mutate(
            {
              entityId: chosen,
              customerId,
              ...(partnerId ? { partnerId } : {}),
              ...(leadId ? { leadId } : {}),
              lines,
            },
            { onSuccess: (q) => onCreated(q.id) },
          )
        }
      >
        <Select label={t('quoteEditor.entity')} value={chosen} onValueChange={setEntityId} options={entities} />
      </QuoteLinesForm>
    </Card>
  );
}
