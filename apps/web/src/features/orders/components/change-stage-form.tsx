import { useState } from 'react';
import { Button } from '../../../design/button';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { useToast } from '../../../design/toast';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { useChangeOrderStage } from '../api/change-order-stage';

const NEEDS_REASON = new Set(['on_hold', 'cancelled']);

/** Ops move an order to one of the stages the server allows from here. */
export function ChangeStageForm({ orderId, nextStages }: { orderId: string; nextStages: string[] }) {
  const { t, label } = useI18n();
  const toast = useToast();
  const change = useChangeOrderStage(orderId);
  const [stage, setStage] = useState(nextStages[0] ?? '');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  if (nextStages.length === 0) return null;
  const selected = nextStages.includes(stage) ? stage : nextStages[0]!;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (NEEDS_REASON.has(selected) && !reason.trim()) {
      setReasonError(t('orderStage.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    change.mutate(NEEDS_REASON.has(selected) ? { stage: selected, reason: reason.trim() } : { stage: selected }, {
      onSuccess: () => {
        toast({ title: t('orderStage.changed', { stage: label('stage', selected) }), variant: 'success' });
        setReason('');
      },
      onError: (error) =>
        toast({
          title: t('orderStage.failed'),
          description: isProblem(error) ? (error.detail ?? error.title) : undefined,
          variant: 'error',
        }),
    });
  };

  return (
    <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-3" aria-label={t('orderStage.title')}>
      <Select
        label={t('orderStage.to')}
        value={selected}
        onValueChange={setStage}
        options={nextStages.map((s) => ({ value: s, label: label('stage', s) }))}
      />
      {NEEDS_REASON.has(selected) ? (
        <Input
          label={t('orderStage.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={reasonError}
        />
      ) : null}
      <Button type="submit" busy={change.isPending}>
        {t('orderStage.submit')}
      </Button>
    </form>
  );
}
