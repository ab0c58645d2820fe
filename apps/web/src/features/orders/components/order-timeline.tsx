import { useI18n } from '../../../lib/i18n/i18n';
import { useOrderTimeline } from '../api/get-order-timeline';

/** What happened to the order and who did it, with the reason for a pause or a cancellation. */
export function OrderTimelineList({ orderId }: { orderId: string }) {
  const { t, label, formatDateTime } = useI18n();
  const query = useOrderTimeline(orderId);
  if (!query.data?.length)
    return <p className="text-sm text-ink-muted">{query.isPending ? t('common.loading') : '—'}</p>;
  return (
    <ol className="flex flex-col gap-2 text-sm" aria-label={t('timeline.title')}>
      {query.data.map((e, i) => (
        <li key={i}>
          <span className="font-medium">
            {e.kind === 'created'
              ? t('timeline.created')
              : t('timeline.moved', { from: label('stage', e.fromStage ?? ''), to: label('stage', e.toStage ?? '') })}
          </span>
          <span className="block text-xs text-ink-subtle">
            {formatDateTime(e.at)} · {e.actorName}
            {e.reason ? ` · ${e.reason}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
