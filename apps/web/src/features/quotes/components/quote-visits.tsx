import { useI18n } from '../../../lib/i18n/i18n';
import type { QuoteDetail } from '../api/get-quote';
import { useVisitPreview } from '../api/quote-extras';

/** The (at most two) visits the quote asks for; staff also see the earliest dates with room in the region. */
export function QuoteVisits({ quote, staff }: { quote: QuoteDetail; staff: boolean }) {
  const { t, label, formatShortDay } = useI18n();
  const preview = useVisitPreview(quote.id, staff && quote.visits.length > 0);
  const earliest = new Map((preview.data?.visits ?? []).map((v) => [v.sequence, v.earliestDates]));
  return (
    <ol className="flex flex-col gap-2 text-sm">
      {quote.visits.map((v) => (
        <li key={v.sequence}>
          <span className="font-medium">
            {v.sequence}. {label('visitType', v.type)}
          </span>{' '}
          · {t('quote.minutes', { minutes: v.durationMinutes })}
          {earliest.get(v.sequence)?.length ? (
            <span className="block text-xs text-ink-muted">
              {t('quote.earliest', {
                // Short days ("Thu 3 Dec"): a list of long dates reads as one run of commas.
                dates: earliest
                  .get(v.sequence)!
                  .map((d) => formatShortDay(d))
                  .join(', '),
              })}
              {preview.data?.region ? ` (${preview.data.region})` : ''}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
