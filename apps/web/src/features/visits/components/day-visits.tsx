import { ErrorNotice } from '../../../design/error-notice';
import { Button } from '../../../design/button';
import { Notice, Spinner } from '../../../design/status-message';
import { addDays, amsterdamDay, formatDay } from '../../../lib/format/date';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useVisits, type Visit } from '../api/list-visits';
import { VisitCard } from './visit-card';

// A visit without a day part yet comes last.
const blockOrder = (block: Visit['block']) => (block === 'morning' ? 0 : block === 'afternoon' ? 1 : 2);

/** A team's visits of one day, morning before afternoon, with a previous/next day switcher. */
export function DayVisits({
  date,
  onDateChange,
  teamName,
}: {
  date: string;
  onDateChange: (date: string) => void;
  teamName?: string | null | undefined;
}) {
  const { t, locale } = useI18n();
  const query = useVisits({ date });
  const today = amsterdamDay();
  const visits = [...(query.data?.items ?? [])].sort((a, b) => blockOrder(a.block) - blockOrder(b.block));
  const heading = date === today ? t('visit.today') : formatDay(date, locale);
  useDocumentTitle(heading);

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t('visit.dayNav')} className="flex items-center justify-between gap-2">
        <Button variant="secondary" onClick={() => onDateChange(addDays(date, -1))} aria-label={t('visit.previousDay')}>
          ‹
        </Button>
        <div className="text-center">
          <h1 className="text-lg font-semibold">{heading}</h1>
          <p className="text-xs text-ink-muted">
            {[date === today ? formatDay(date, locale) : null, teamName].filter(Boolean).join(' · ')}
          </p>
        </div>
        <Button variant="secondary" onClick={() => onDateChange(addDays(date, 1))} aria-label={t('visit.nextDay')}>
          ›
        </Button>
      </nav>
      {date !== today ? (
        <Button variant="ghost" size="sm" className="self-center" onClick={() => onDateChange(today)}>
          {t('visit.backToToday')}
        </Button>
      ) : null}
      {query.isPending ? <Spinner label={t('common.loading')} /> : null}
      {query.isError ? <ErrorNotice error={query.error} /> : null}
      {query.data && visits.length === 0 ? <Notice>{t('visit.none')}</Notice> : null}
      <ul className="flex flex-col gap-3" aria-label={t('visit.list')}>
        {visits.map((v) => (
          <li key={v.id}>
            <VisitCard visit={v} />
          </li>
        ))}
      </ul>
    </div>
  );
}
