import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { usePaymentReminderSteps, useSetPaymentReminderSteps } from '../api/payment-reminder-steps';

/** "7, 14, 30" as days, or null when it is not rising whole days from 1 to 365, at most five. */
function parseDays(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const days = parts.map(Number);
  const ok =
    days.length >= 1 &&
    days.length <= 5 &&
    days.every((d, i) => Number.isInteger(d) && d >= 1 && d <= 365 && (i === 0 || d > days[i - 1]!));
  return ok ? days : null;
}

/** Each entity's payment reminder steps, edited one entity at a time. */
export function PaymentReminderSteps() {
  const { t } = useI18n();
  const steps = usePaymentReminderSteps();
  return (
    <Card title={t('reminders.title')}>
      <p className="mb-4 text-sm text-ink-muted">{t('reminders.intro')}</p>
      {steps.isError ? <Notice tone="error">{t('notifications.loadFailed')}</Notice> : null}
      <ul className="flex flex-col gap-4">
        {(steps.data ?? []).map((e) => (
          <li key={`${e.entityId}:${e.days.join(',')}`}>
            <EntitySteps entityId={e.entityId} name={e.name} days={e.days} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function EntitySteps({ entityId, name, days }: { entityId: string; name: string; days: number[] }) {
  const { t } = useI18n();
  const save = useSetPaymentReminderSteps();
  const [text, setText] = useState(days.join(', '));
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = parseDays(text);
    if (!parsed) return setError(t('reminders.invalid'));
    setError(undefined);
    save.mutate(
      { entityId, days: parsed },
      {
        onSuccess: () => setSaved(true),
        onError: (e) => setError(isProblem(e) ? (e.detail ?? e.title) : t('reminders.invalid')),
      },
    );
  };
  return (
    <form className="flex flex-wrap items-start gap-3" onSubmit={submit} aria-label={name}>
      <Input
        label={name}
        aria-label={t('reminders.daysOf', { name })}
        hint={t('reminders.daysHint')}
        error={error}
        value={text}
        inputMode="numeric"
        onChange={(e) => setText(e.target.value)}
        className="min-w-0 flex-1 sm:max-w-sm"
      />
      {/* Level with the field, under its label; the hint below may wrap. */}
      <div className="pt-6">
        <Button type="submit" busy={save.isPending}>
          {t('reminders.save')}
        </Button>
      </div>
      {saved ? (
        <p role="status" className="w-full text-sm text-brand-800">
          {t('reminders.saved', { name })}
        </p>
      ) : null}
    </form>
  );
}
