import { clsx } from 'clsx';
import { useI18n } from '../../../lib/i18n/i18n';
import type { Milestone } from '../api/get-order';

/** The order's road from signed quote to finished installation; the next open step is highlighted. */
export function OrderMilestones({ milestones }: { milestones: Milestone[] }) {
  const { t, label, formatDate } = useI18n();
  // The step after the last one reached: a step passed without being marked (materials) is not "next".
  const lastReached = milestones.findLastIndex((m) => m.reachedAt);
  const nextIndex = milestones.findIndex((m, i) => i > lastReached && !m.reachedAt);
  if (milestones.length === 0) return <p className="text-sm text-ink-muted">{t('order.noMilestones')}</p>;
  return (
    <ol className="flex flex-col gap-2" aria-label={t('order.milestones')}>
      {milestones.map((m, i) => {
        const done = Boolean(m.reachedAt);
        const current = i === nextIndex;
        return (
          <li key={m.code} className="flex items-start gap-3 text-sm" aria-current={current ? 'step' : undefined}>
            <span
              aria-hidden="true"
              className={clsx(
                'mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs',
                done ? 'bg-brand-600 text-white' : current ? 'border-2 border-brand-600' : 'border border-line',
              )}
            >
              {done ? '✓' : ''}
            </span>
            <span>
              <span className={clsx(done || current ? 'font-medium text-ink' : 'text-ink-muted')}>
                {label('milestone', m.code)}
              </span>
              <span className="block text-xs text-ink-subtle">
                {m.reachedAt
                  ? t('order.reachedOn', { date: formatDate(m.reachedAt) })
                  : current
                    ? t('order.nextStep')
                    : t('order.pending')}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
