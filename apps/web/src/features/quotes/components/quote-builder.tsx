import { useState, type FormEvent } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { useI18n } from '../../../lib/i18n/i18n';
import { useEntityName } from '../../reference/api/list-entities';
import { useCreateQuoteFromTemplate, useQuoteTemplates, type IntakeAnswers } from '../api/create-quote-from-template';
import { DEFAULT_ANSWERS } from './intake-answers';

const FLAGS = ['meterCabinetUpgrade', 'smartMeter', 'mountingPole'] as const;

/**
 * One click from a template plus the intake answers; the quote opens with its lines, allocation and visits.
 * The customer and partner are picked above the form (by name); a quote made from a lead names it.
 */
export function QuoteBuilder({
  customerId,
  partnerId,
  leadId,
  entityId,
  initialAnswers = DEFAULT_ANSWERS,
  onCreated,
}: {
  customerId: string;
  partnerId: string;
  leadId?: string | undefined;
  /** The lead's brand: its first template is the one offered first. */
  entityId?: string | undefined;
  initialAnswers?: IntakeAnswers;
  onCreated: (id: string) => void;
}) {
  const { t, localized } = useI18n();
  const entityName = useEntityName();
  const templates = useQuoteTemplates();
  const create = useCreateQuoteFromTemplate();
  const [templateId, setTemplateId] = useState('');
  const [answers, setAnswers] = useState<IntakeAnswers>(initialAnswers);
  const preferred = templates.data?.find((tpl) => tpl.entityId === entityId) ?? templates.data?.[0];
  const chosen = templateId || preferred?.id || '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // No partner picked lets the server take the partner that brought the customer.
    create.mutate(
      {
        templateId: chosen,
        customerId,
        ...(partnerId ? { partnerId } : {}),
        ...(leadId ? { leadId } : {}),
        answers,
      },
      { onSuccess: (q) => onCreated(q.id) },
    );
  };
  if (templates.isError) return <ErrorNotice error={templates.error} />;
  return (
    <Card title={t('quoteBuilder.title')}>
      <p className="mb-4 text-sm text-ink-muted">{t('quoteBuilder.intro')}</p>
      <form className="grid grid-cols-1 gap-4 md:grid-cols-2" onSubmit={submit}>
        <Select
          label={t('quoteBuilder.template')}
          value={chosen}
          onValueChange={setTemplateId}
          options={(templates.data ?? []).map((tpl) => ({
            value: tpl.id,
            label: `${localized(tpl.name, tpl.nameEn)} (${entityName(tpl.entityId)})`,
          }))}
        />
        <span />
        <Input
          label={t('quoteBuilder.cableMeters')}
          type="number"
          min={0}
          max={200}
          value={answers.cableMeters}
          onChange={(e) => setAnswers({ ...answers, cableMeters: Number(e.target.value) })}
        />
        <Input
          label={t('quoteBuilder.groundWorkMeters')}
          type="number"
          min={0}
          max={200}
          value={answers.groundWorkMeters}
          onChange={(e) => setAnswers({ ...answers, groundWorkMeters: Number(e.target.value) })}
        />
        {FLAGS.map((flag) => (
          <label key={flag} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={answers[flag]}
              onChange={(e) => setAnswers({ ...answers, [flag]: e.target.checked })}
            />
            {t(`quoteBuilder.${flag}`)}
          </label>
        ))}
        {create.isError ? (
          <div className="md:col-span-2">
            <ErrorNotice error={create.error} />
          </div>
        ) : null}
        <div className="md:col-span-2">
          <Button type="submit" busy={create.isPending} disabled={!chosen || !customerId}>
            {t('quoteBuilder.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
