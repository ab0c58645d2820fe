import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../design/error-notice';
import { MetricCard } from '../../../design/metric-card';
import { Spinner } from '../../../design/status-message';
import { formatDate } from '../../../lib/format/date';
import { formatPercent } from '../../../lib/format/money';
import { useI18n } from '../../../lib/i18n/i18n';
import { type DemandForecast, useDemandForecast } from '../api/demand';
import { StockTable } from './stock-table';

type Product = DemandForecast['products'][number];
const HORIZONS = [4, 6, 8, 12];

/**
 * The demand forecast: per product and week what planned visits and the weighted quote pipeline take,
 * what comes in, and what is left free at the warehouse at the end of each week; the week a product runs
 * short, first from the planned visits alone, then with the quotes counted.
 */
export function DemandForecastView({ warningsHref }: { warningsHref: string }) {
  const { t, locale, formatNumber } = useI18n();
  const [weeks, setWeeks] = useState(6);
  const [onlyShort, setOnlyShort] = useState(false);
  const forecast = useDemandForecast(weeks);
  // Pipeline demand is weighted by conversion: one decimal says enough.
  const number = { format: (n: number) => formatNumber(Math.round(n * 10) / 10) };
  const f = forecast.data;
  const weekLabel = (i: number) => t('inventory.forecast.week', { n: f?.weeks[i]?.number ?? '' });
  const short = (p: Product) => {
    if (!p.shortWeek) return '—';
    const at = (start: string) => weekLabel(f!.weeks.findIndex((w) => w.start === start));
    return (
      <span className="font-medium text-danger-700">
        {p.plannedShortWeek === p.shortWeek
          ? t('inventory.forecast.shortPlanned', { week: at(p.shortWeek) })
          : t('inventory.forecast.shortWithQuotes', { week: at(p.shortWeek) })}
        {p.plannedShortWeek && p.plannedShortWeek !== p.shortWeek ? (
          <span className="block">{t('inventory.forecast.shortPlanned', { week: at(p.plannedShortWeek) })}</span>
        ) : null}
      </span>
    );
  };
  const rows = (f?.products ?? []).filter((p) => !onlyShort || p.shortWeek);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.forecast.horizon')}
          <select
            className="h-10 rounded-md border border-line bg-panel px-2 text-sm"
            value={weeks}
            onChange={(e) => setWeeks(Number(e.target.value))}
          >
            {HORIZONS.map((n) => (
              <option key={n} value={n}>
                {t('inventory.forecast.weeks', { n })}
              </option>
            ))}
          </select>
        </label>
        <label className="flex h-10 items-center gap-2 text-sm text-ink">
          <input type="checkbox" checked={onlyShort} onChange={(e) => setOnlyShort(e.target.checked)} />
          {t('inventory.forecast.onlyShort')}
        </label>
        <Link className="flex h-10 items-center text-sm text-brand-700 underline" to={warningsHref}>
          {t('inventory.forecast.toWarnings')}
        </Link>
      </div>
      {forecast.error ? <ErrorNotice error={forecast.error} /> : null}
      {forecast.isPending ? <Spinner label={t('common.loading')} /> : null}
      {f ? (
        <>
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <MetricCard
              title={t('inventory.forecast.conversion')}
              value={f.conversion.rate === null ? '—' : formatPercent(f.conversion.rate, locale)}
              trend={{
                direction: 'flat',
                label: t('inventory.forecast.conversionBasis', {
                  signed: f.conversion.signed,
                  decided: f.conversion.decided,
                  since: formatDate(f.conversion.since, locale),
                }),
              }}
            />
            <MetricCard
              title={t('inventory.forecast.leadTime')}
              value={t('inventory.forecast.days', { n: f.conversion.leadDays })}
              trend={{
                direction: 'flat',
                label: f.conversion.leadDaysFromHistory
                  ? t('inventory.forecast.leadFromHistory')
                  : t('inventory.forecast.leadDefault'),
              }}
            />
            <MetricCard title={t('inventory.forecast.plannedVisits')} value={String(f.plannedVisits)} />
            <MetricCard title={t('inventory.forecast.openQuotes')} value={String(f.pipelineQuotes)} />
          </div>
          <p className="text-sm text-ink-muted">{t('inventory.forecast.explain')}</p>
          <StockTable
            label={t('inventory.forecast.title')}
            rows={rows}
            empty={t('inventory.forecast.none')}
            rowKey={(p) => p.productId}
            columns={[
              {
                header: t('inventory.product'),
                cell: (p) => (
                  <span className="block min-w-40">
                    {p.sku} · {p.name}
                  </span>
                ),
              },
              {
                header: t('inventory.forecast.free'),
                numeric: true,
                cell: (p) => (
                  <>
                    {p.onHand}
                    {p.reservedElsewhere ? (
                      <span className="block text-xs text-ink-muted">
                        {t('inventory.forecast.reservedElsewhere', { n: p.reservedElsewhere })}
                      </span>
                    ) : null}
                  </>
                ),
              },
              ...f.weeks.map((w, i) => ({
                header: `${weekLabel(i)} · ${formatDate(w.start, locale).slice(0, 5)}`,
                numeric: true,
                cell: (p: Product) => {
                  const week = p.weeks[i]!;
                  return (
                    <>
                      <span className={week.projected < 0 ? 'font-semibold text-danger-700' : 'font-semibold'}>
                        {number.format(week.projected)}
                      </span>
                      <span className="block whitespace-nowrap text-xs text-ink-muted">
                        {[
                          week.planned ? t('inventory.forecast.cellPlanned', { n: number.format(week.planned) }) : '',
                          week.pipeline ? t('inventory.forecast.cellQuotes', { n: number.format(week.pipeline) }) : '',
                          week.receipts ? t('inventory.forecast.cellIn', { n: number.format(week.receipts) }) : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </>
                  );
                },
              })),
              { header: t('inventory.forecast.shortFrom'), cell: short },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
