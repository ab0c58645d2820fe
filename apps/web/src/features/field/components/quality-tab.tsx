import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { fieldDb, getMeta } from '../store/field-db';
import type { QualityEntry, StoredQuality } from '../store/quality-list';
import { useLive } from '../store/use-live';

/**
 * Kwaliteit: the team's own quality points (cases ops have not closed, visits left unfinished,
 * checkpoints outside their limits), as last read from the server, and what the server refused of this
 * phone's work, and why, so the technician can put it right.
 */
export function QualityTab() {
  const { t, label, localized, formatShortDay, formatDateTime } = useI18n();
  const data = useLive(
    async () => ({
      quality: (await getMeta<StoredQuality>('quality')) ?? null,
      rejections: await fieldDb.rejections.toArray(),
      onPhone: new Set(await fieldDb.visits.toCollection().primaryKeys()),
    }),
    'quality',
  );
  if (!data) return null;
  const { quality, rejections, onPhone } = data;
  const title = (item: QualityEntry) =>
    item.kind === 'open_case'
      ? t('field.quality.open_case', { kind: label('fieldCase.kind', item.caseKind ?? '') })
      : item.kind === 'unfinished_visit'
        ? t('field.quality.unfinished_visit', { outcome: label('field.outcome', item.outcome ?? '') })
        : t('field.quality.failed_checkpoint', {
            label: item.checkpoint ? localized(item.checkpoint.label, item.checkpoint.labelEn) : '',
          });
  const detail = (item: QualityEntry) => {
    const c = item.checkpoint;
    if (c && typeof c.value === 'number')
      return t('field.quality.measured', { value: c.value, unit: c.unit ?? '', min: c.min ?? '', max: c.max ?? '' });
    if (c && c.value === false) return t('field.quality.answeredNo');
    return item.reason;
  };
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">{t('field.quality.title')}</h1>
      {quality ? (
        <p className="text-sm text-ink-muted">
          {t('field.quality.offline', {
            time: formatDateTime(quality.fetchedAt),
          })}
        </p>
      ) : null}
      {quality?.items.length ? (
        <ul className="space-y-2" aria-label={t('field.quality.title')}>
          {quality.items.map((item, i) => {
            const body = (
              <>
                <p className="flex justify-between gap-2 text-sm text-ink-muted">
                  <span>
                    {item.visitNumber} · {item.visitDate ? formatShortDay(item.visitDate) : ''}
                  </span>
                  <span>{item.customerName}</span>
                </p>
                <p className="mt-1 font-semibold">{title(item)}</p>
                {detail(item) ? <p className="text-sm">{detail(item)}</p> : null}
              </>
            );
            const box = 'block rounded-lg border border-warning-600 bg-warning-50 px-4 py-3';
            return (
              <li key={`${item.kind}-${item.visitId}-${i}`}>
                {onPhone.has(item.visitId) ? (
                  <Link to={`/technician/visits/${item.visitId}`} className={box}>
                    {body}
                  </Link>
                ) : (
                  <div className={box}>{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-ink-muted">{t('field.quality.none')}</p>
      )}
      <h2 className="text-lg font-semibold">{t('field.conflicts')}</h2>
      {rejections.length ? (
        <ul className="space-y-2">
          {rejections.map((r) => (
            <li key={r.id} className="rounded-lg border border-danger-600 bg-danger-50 px-4 py-3">
              <p className="font-medium">{r.payload.kind}</p>
              <p className="text-sm">{r.answer.message}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-ink-muted">{t('field.noRejections')}</p>
      )}
    </section>
  );
}
