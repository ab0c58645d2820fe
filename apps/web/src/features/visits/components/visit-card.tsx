import { formatPhone, phoneHref } from '../../../lib/format/phone';
import { formatPostcode } from '../../../lib/format/postcode';
import { Button } from '../../../design/button';
import { Notice } from '../../../design/status-message';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCompleteVisit } from '../api/complete-visit';
import { useStartVisit } from '../api/start-visit';
import type { Visit } from '../api/list-visits';

/** One visit as the technician needs it on the road: when, what, who, where, and a tap to call. */
export function VisitCard({ visit }: { visit: Visit }) {
  const { t, label } = useI18n();
  const address = [visit.street, visit.houseNumber].filter((p) => p != null && p !== '').join(' ');
  const place = [visit.postcode ? formatPostcode(visit.postcode) : null, visit.city].filter(Boolean).join(' ');
  const mapsQuery = encodeURIComponent([address, place].filter(Boolean).join(', '));
  const complete = useCompleteVisit(visit.id);
  const start = useStartVisit(visit.id);
  const completable = visit.status === 'scheduled' || visit.status === 'in_progress';
  return (
    <article
      className="rounded-lg border border-line bg-panel p-4 shadow-[var(--shadow-card)]"
      aria-label={`${visit.block ? label('block', visit.block) : ''} ${visit.customerName}`}
    >
      <header className="flex items-start justify-between gap-2">
        <div>
          <p className="text-sm font-semibold text-brand-700">
            {t(visit.block === 'morning' ? 'visit.blockMorning' : 'visit.blockAfternoon')}
          </p>
          <h2 className="text-lg font-semibold text-ink">{visit.customerName}</h2>
        </div>
        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
          {label('visitType', visit.type)}
        </span>
      </header>
      <p className="mt-2 text-sm">
        {address ? <span className="block">{address}</span> : null}
        {place ? <span className="block">{place}</span> : null}
      </p>
      <p className="mt-1 text-xs text-ink-muted">
        {[
          visit.number,
          visit.orderNumber,
          label('visitStatus', visit.status),
          visit.durationMinutes ? t('visit.duration', { minutes: visit.durationMinutes }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {visit.notes ? (
        <p className="mt-2 rounded-md bg-warning-50 p-2 text-sm whitespace-pre-wrap">{visit.notes}</p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {visit.phone ? (
          <a
            href={phoneHref(visit.phone)}
            className="inline-flex h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            aria-label={t('visit.call', { name: visit.customerName, phone: formatPhone(visit.phone) })}
          >
            {formatPhone(visit.phone)}
          </a>
        ) : null}
        {mapsQuery ? (
          // geo: opens the phone's own navigation app; no map tiles or internet service of ours involved.
          <a
            href={
              visit.lat != null && visit.lon != null
                ? `geo:${visit.lat},${visit.lon}?q=${visit.lat},${visit.lon}`
                : `geo:0,0?q=${mapsQuery}`
            }
            className="inline-flex h-11 items-center rounded-md border border-line px-4 text-sm font-medium hover:bg-surface"
          >
            {t('visit.navigate')}
          </a>
        ) : null}
      </div>
      {visit.status === 'scheduled' ? (
        // On arrival: the order shows it is under way.
        <Button variant="secondary" className="mt-3 h-11 w-full" busy={start.isPending} onClick={() => start.mutate()}>
          {t('visit.start')}
        </Button>
      ) : null}
      {completable ? (
        // Full width and h-11: tapped with a glove on a doorstep, it should be hard to miss.
        <Button className="mt-3 h-11 w-full" busy={complete.isPending} onClick={() => complete.mutate()}>
          {t('visit.complete')}
        </Button>
      ) : visit.status === 'completed' ? (
        <p role="status" className="mt-3 rounded-md bg-brand-50 p-2 text-center text-sm font-medium text-brand-800">
          {label('visitStatus', visit.status)}
        </p>
      ) : null}
      {start.isError ? (
        <div className="mt-2">
          <Notice tone="error">
            {isProblem(start.error) ? (start.error.detail ?? start.error.title) : t('visit.startFailed')}
          </Notice>
        </div>
      ) : null}
      {complete.isError ? (
        <div className="mt-2">
          <Notice tone="error">
            {isProblem(complete.error) ? (complete.error.detail ?? complete.error.title) : t('visit.completeFailed')}
          </Notice>
        </div>
      ) : null}
    </article>
  );
}
