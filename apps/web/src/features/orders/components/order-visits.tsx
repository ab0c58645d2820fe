import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import type { OrderDetail } from '../api/get-order';
import { ScheduleVisitForm } from './schedule-visit-form';
import { AddVisitForm } from './add-visit-form';

/** Done or called off: nothing left to plan. */
const FINAL = new Set(['completed', 'cancelled']);

/**
 * The order's visits with what they take (duration, skills); staff (`canSchedule`) can plan each open one
 * from here, and make the visit of an order that has none (`addToOrderId`). With `resultHref` a planned
 * visit links to what the team recorded on it.
 */
export function OrderVisits({
  visits,
  canSchedule = false,
  addToOrderId,
  resultHref,
}: {
  visits: OrderDetail['visits'];
  canSchedule?: boolean;
  addToOrderId?: string | undefined;
  resultHref?: ((visitId: string) => string) | undefined;
}) {
  const { t, label, formatDay } = useI18n();
  if (visits.length === 0)
    return addToOrderId ? (
      <AddVisitForm orderId={addToOrderId} />
    ) : (
      <p className="text-sm text-ink-muted">{t('order.noVisits')}</p>
    );
  return (
    <ul className="flex flex-col gap-2 text-sm" aria-label={t('order.visits')}>
      {visits.map((v) => (
        <li key={v.id} className="rounded-md bg-surface p-2">
          <span className="font-medium">{v.type ? label('visitType', v.type) : t('order.visit')}</span>
          {v.date ? (
            <span className="block">
              {formatDay(v.date)}
              {v.block ? `, ${label('block', v.block)}` : ''}
            </span>
          ) : null}
          <span className="block text-xs text-ink-muted">
            {[v.number, v.teamName, v.status ? label('visitStatus', v.status) : null].filter(Boolean).join(' · ')}
          </span>
          {v.durationMinutes ? (
            <span className="block text-xs text-ink-muted">
              {v.requiredSkills?.length
                ? t('order.visitDetails', {
                    minutes: v.durationMinutes,
                    skills: v.requiredSkills.map((s) => label('skill', s)).join(', '),
                  })
                : t('order.visitMinutes', { minutes: v.durationMinutes })}
            </span>
          ) : null}
          {resultHref && v.status && v.status !== 'to_schedule' ? (
            <Link
              className="text-brand-700 underline"
              to={resultHref(v.id)}
              aria-label={t('visitResult.openOf', { number: v.number ?? '' })}
            >
              {t('visitResult.open')}
            </Link>
          ) : null}
          {canSchedule && !FINAL.has(v.status ?? '') ? <ScheduleVisitForm visit={v} /> : null}
        </li>
      ))}
    </ul>
  );
}
