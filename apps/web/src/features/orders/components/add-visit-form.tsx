import { useState } from 'react';
import { Button } from '../../../design/button';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { Notice } from '../../../design/status-message';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { useAddOrderVisits, type AddVisitInput } from '../api/add-order-visits';

const TYPES: AddVisitInput['type'][] = ['installation', 'survey', 'meter_replacement'];

/** Staff make the visit of an order that has none (orders from before visits came with the order). */
export function AddVisitForm({ orderId }: { orderId: string }) {
  const { t, label } = useI18n();
  const add = useAddOrderVisits(orderId);
  const [type, setType] = useState<AddVisitInput['type']>('installation');
  const [minutes, setMinutes] = useState('240');
  const problem = isProblem(add.error) ? add.error : null;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    add.mutate({ type, durationMinutes: Number(minutes) });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t('order.addVisitTitle')}>
      <p className="text-sm text-ink-muted">{t('order.addVisitIntro')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <Select
          label={t('order.addVisitType')}
          value={type}
          onValueChange={(v) => setType(v as AddVisitInput['type'])}
          options={TYPES.map((v) => ({ value: v, label: label('visitType', v) }))}
        />
        <Input
          label={t('order.addVisitDuration')}
          type="number"
          min={30}
          max={960}
          step={30}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={problem?.fieldMessage('body.durationMinutes')}
        />
        <Button type="submit" busy={add.isPending}>
          {t('order.addVisitSubmit')}
        </Button>
      </div>
      {problem ? <Notice tone="error">{problem.detail ?? t('order.addVisitFailed')}</Notice> : null}
    </form>
  );
}
