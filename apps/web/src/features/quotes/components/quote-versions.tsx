import { useState } from 'react';
import { Button } from '../../../design/button';
import { useI18n } from '../../../lib/i18n/i18n';
import type { QuoteDetail } from '../api/get-quote';
import { useQuoteDiff } from '../api/quote-extras';

/** Every version, who made it and when; any version can be compared with the one before it. A customer or partner sees only its own total. */
export function QuoteVersions({
  quote,
  ownSide,
}: {
  quote: QuoteDetail;
  ownSide?: 'customer' | 'partner' | undefined;
}) {
  const { t, localized, formatCents, formatDateTime, formatNumber } = useI18n();
  const [compare, setCompare] = useState<number | null>(null);
  const diff = useQuoteDiff(quote.id, (compare ?? 2) - 1, compare ?? 2, compare !== null);
  return (
    <div className="flex flex-col gap-3 text-sm">
      <ol className="flex flex-col gap-1">
        {quote.versions.map((v) => (
          <li key={v.version} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">v{v.version}</span>
            <span className="text-ink-muted">
              {t('quote.by', { name: v.createdByName ?? '—', date: formatDateTime(v.createdAt) })}
            </span>
            {v.changeNote ? <span>“{localized(v.changeNote, v.changeNoteEn)}”</span> : null}
            <span className="tabular-nums">
              {ownSide
                ? formatCents(ownSide === 'customer' ? v.customerTotalCents : v.partnerTotalCents)
                : `${formatCents(v.customerTotalCents)} / ${formatCents(v.partnerTotalCents)}`}
            </span>
            {v.version > 1 ? (
              <Button size="sm" variant="ghost" onClick={() => setCompare(v.version)}>
                {t('quote.compare')}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {diff.data ? (
        <div className="rounded border border-line p-3" aria-live="polite">
          <p className="font-medium">
            v{diff.data.from.version} → v{diff.data.to.version}
          </p>
          {diff.data.added.length + diff.data.removed.length + diff.data.changed.length === 0 ? (
            <p className="text-ink-muted">{t('quote.noChanges')}</p>
          ) : null}
          {diff.data.added.map((l, i) => (
            <p key={`a${i}`} className="text-success-700">
              + {t('quote.added')}: {localized(l.description, l.descriptionEn)} ({formatNumber(l.quantity)}){' '}
              {formatCents(l.totalCents)}
            </p>
          ))}
          {diff.data.removed.map((l, i) => (
            <p key={`r${i}`} className="text-danger-700">
              − {t('quote.removed')}: {localized(l.description, l.descriptionEn)} ({formatNumber(l.quantity)}){' '}
              {formatCents(l.totalCents)}
            </p>
          ))}
          {diff.data.changed.map((c, i) => (
            <p key={`c${i}`}>
              ~ {t('quote.changed')}: {localized(c.description, c.descriptionEn)}:{' '}
              {c.fields
                .map(
                  (f) =>
                    `${f} ${String(c.before[f as keyof typeof c.before])} → ${String(c.after[f as keyof typeof c.after])}`,
                )
                .join('; ')}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
