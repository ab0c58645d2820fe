import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import type { MessageKey } from '../../../lib/i18n/messages-nl';
import { fieldDb, type FieldVisit } from '../store/field-db';
import { withPending } from '../store/local-view';
import { useLive } from '../store/use-live';

// d3-geo and the outlines load only when a technician opens a day's map (and are precached for offline use).
const NetherlandsMap = lazy(() => import('../../../design/netherlands-map'));

/** A day's stops on the map, in the day's route order, behind a button so the day list loads without it. */
function DayMap({ day, visits }: { day: string; visits: FieldVisit[] }) {
  const { t, formatDayInWeek } = useI18n();
  const [open, setOpen] = useState(false);
  const stops = visits.flatMap((v, i) =>
    v.address.lat !== null && v.address.lon !== null
      ? [
          {
            id: v.id,
            lat: v.address.lat,
            lon: v.address.lon,
            mark: String(i + 1),
            title: `${i + 1}. ${v.customer.name}, ${v.address.street} ${v.address.houseNumber}${v.address.houseNumberAddition ?? ''}`,
          },
        ]
      : [],
  );
  if (!stops.length) return null;
  return (
    <div>
      <button
        type="button"
        className="h-11 rounded-md border border-line bg-panel px-4 text-sm font-medium text-brand-700"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? t('field.hideMap') : t('field.showMap')}
      </button>
      {open ? (
        <div className="mt-2 rounded-lg border border-line bg-panel p-2">
          <Suspense fallback={null}>
            <NetherlandsMap
              zoom
              label={t('field.map', { day: day ? formatDayInWeek(day) : '' })}
              caption={t('routes.attribution')}
              stops={stops}
            />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}

/** The team's coming days, each in route order, from the phone's own store (so it opens offline). */
export function DayView() {
  const { t, formatDayInWeek } = useI18n();
  const data = useLive(
    async () => ({ visits: await fieldDb.visits.toArray(), queued: await fieldDb.outbox.toArray() }),
    'days',
  );
  // The screen's own heading, there before the store answers: every screen has one <h1> (issue 16).
  const heading = <h1 className="text-xl font-semibold">{t('field.tab.planning')}</h1>;
  if (!data) return heading;
  const visits = data.visits
    .map((v) => withPending(v, data.queued))
    .sort(
      (a, b) =>
        (a.date ?? '').localeCompare(b.date ?? '') ||
        (a.block ?? '').localeCompare(b.block ?? '') * -1 ||
        a.number.localeCompare(b.number),
    );
  const days = [...new Set(visits.map((v) => v.date))];
  return (
    <div className="space-y-6">
      {heading}
      {!visits.length ? <p className="py-8 text-center text-ink-muted">{t('field.noVisits')}</p> : null}
      {days.map((day) => (
        <section key={day} className="space-y-2">
          <h2 className="text-lg font-semibold capitalize">{day ? formatDayInWeek(day) : ''}</h2>
          <DayMap day={day ?? ''} visits={visits.filter((v) => v.date === day)} />
          <ol className="space-y-2">
            {visits
              .filter((v) => v.date === day)
              .map((v, i) => (
                <li key={v.id}>
                  <article>
                    <Link
                      to={`/technician/visits/${v.id}`}
                      className="block rounded-lg border border-line bg-panel p-4 active:bg-surface"
                    >
                      <p className="flex justify-between text-sm text-ink-muted">
                        <span>
                          {i + 1}. {v.block === 'morning' ? t('field.morning') : t('field.afternoon')} ·{' '}
                          {v.durationMinutes} min · {v.number}
                        </span>
                        <span>{t(`visitStatus.${v.status}` as MessageKey)}</span>
                      </p>
                      <p className="mt-1 text-base font-semibold">{v.customer.name}</p>
                      <p className="text-sm">
                        {v.address.street} {v.address.houseNumber}
                        {v.address.houseNumberAddition ?? ''}, {v.address.city}
                      </p>
                      {v.instructions ? <p className="mt-1 text-sm text-warning-700">{v.instructions}</p> : null}
                    </Link>
                  </article>
                </li>
              ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
